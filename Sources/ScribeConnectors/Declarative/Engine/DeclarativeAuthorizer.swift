import Foundation
import NIOHTTP1
import ScribeCore

/// Puts a connector file's credentials on each request, and renews them when the CRM rejects them
/// (login and OAuth2 only: a fixed key that is rejected stays rejected).
struct DeclarativeAuthorizer: Sendable {
    private enum Mode: Sendable {
        case fixed(header: (name: String, value: String)?, query: (name: String, value: String)?)
        case login(LoginTokenKeeper, header: String, scheme: String)
        case oauth(CRMTokenProvider, header: String, scheme: String)
    }

    private let mode: Mode

    /// - Parameters:
    ///   - inputs: the connection's inputs, as templates read them.
    ///   - tokenProvider: required for OAuth2 connections; the composition root builds it so that
    ///     refreshed tokens are stored.
    ///   - login: sends the file's login request, for login connections.
    init(
        _ auth: AuthSpec, inputs: JSONValue, tokenProvider: CRMTokenProvider?, login: LoginTokenKeeper.Login?, now: @escaping @Sendable () -> Date,
        connector: String
    ) throws(ConnectorError) {
        let operation = "\(connector).auth"
        func render(_ template: Template) throws(ConnectorError) -> String {
            do {
                return try template.render(in: .object(["inputs": inputs]), escaping: .header)
            } catch {
                throw ConnectorError(.permanent, operation: operation, message: error.message)
            }
        }
        switch auth {
        case .none:
            self.mode = .fixed(header: nil, query: nil)
        case .apiKey(let placement, let name, let value):
            let key = try render(value)
            self.mode = placement == .header ? .fixed(header: (name, key), query: nil) : .fixed(header: nil, query: (name, key))
        case .basic(let username, let password):
            let pair = try render(username) + ":" + (try render(password))
            self.mode = .fixed(header: ("Authorization", "Basic " + Data(pair.utf8).base64EncodedString()), query: nil)
        case .bearer(let token, let header, let scheme):
            self.mode = .fixed(header: (header, DeclarativeAuthorizer.value(scheme: scheme, token: try render(token))), query: nil)
        case .login(_, _, _, let header, let scheme):
            guard let login else { throw ConnectorError(.permanent, operation: operation, message: "no login request was given") }
            self.mode = .login(LoginTokenKeeper(login: login, now: now), header: header, scheme: scheme)
        case .oauth2(_, _, let header, let scheme):
            guard let tokenProvider else {
                throw ConnectorError(.permanent, operation: operation, message: "an OAuth2 connection needs its client id, client secret and refresh token")
            }
            self.mode = .oauth(tokenProvider, header: header, scheme: scheme)
        }
    }

    /// True when a rejected credential can be renewed, so a 401 is worth one retry.
    var renews: Bool {
        if case .fixed = self.mode { return false }
        return true
    }

    /// Adds the credential to `request`; returns the token used, to name it when it is rejected.
    func authorize(_ request: inout DeclarativeRequest, operation: String) async throws(ConnectorError) -> String? {
        switch self.mode {
        case .fixed(let header, let query):
            if let header { request.headers.replaceOrAdd(name: header.name, value: header.value) }
            if let query { request.url += (request.url.contains("?") ? "&" : "?") + ConnectorHTTPClient.formEncoded([(query.name, query.value)]) }
            return nil
        case .login(let keeper, let header, let scheme):
            let token = try await keeper.current()
            request.headers.replaceOrAdd(name: header, value: DeclarativeAuthorizer.value(scheme: scheme, token: token))
            return token
        case .oauth(let provider, let header, let scheme):
            let token = try await provider.accessToken(operation: operation)
            request.headers.replaceOrAdd(name: header, value: DeclarativeAuthorizer.value(scheme: scheme, token: token))
            return token
        }
    }

    /// Renews the credential after the CRM rejected `token`.
    func renew(rejecting token: String?, operation: String) async throws(ConnectorError) {
        switch self.mode {
        case .fixed: break
        case .login(let keeper, _, _): _ = try await keeper.renew(rejecting: token)
        case .oauth(let provider, _, _): _ = try await provider.refresh(rejecting: token ?? "", operation: operation)
        }
    }

    private static func value(scheme: String, token: String) -> String {
        scheme.isEmpty ? token : "\(scheme) \(token)"
    }
}
