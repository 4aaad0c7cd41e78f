import Foundation
import Synchronization

/// A sandbox CRM's OAuth2 server for the refresh-token grant, in its vendor's dialect (B1–B3 of the
/// API facts): where the client's credentials go, whether refresh tokens rotate, and the exact
/// success and error bodies.
///
/// Tests get a starting pair from ``grant()``, shorten access-token lifetimes with
/// ``accessTokenLifetime``, expire every access token at once with ``expireAccessTokens()``, and
/// read ``refreshCount``. The sandbox's fixed API token keeps working alongside issued tokens.
public final class SandboxCRMOAuth: Sendable {
    /// Whose token endpoint this is.
    public enum Dialect: Sendable {
        /// `POST /oauth/v1/token`, credentials in the form; the refresh token does not rotate;
        /// 400 `{"status":"BAD_REFRESH_TOKEN",…}` for an unknown one.
        case hubspot
        /// `POST /services/oauth2/token`, credentials in the form; the answer has no refresh token
        /// and no `expires_in`; 400 `{"error":"invalid_grant","error_description":"expired access/refresh token"}`.
        case salesforce
        /// `POST /oauth/token`, credentials as HTTP Basic; every refresh rotates the refresh token and
        /// spends the old one; 400 `invalid_grant` "Invalid grant: refresh_token is invalid".
        case pipedrive
        /// `POST /oauth/token` (`{region}.app.clio.com`, a Doorkeeper server), credentials in the form; the
        /// refresh token does not rotate; 400 `invalid_grant` with Doorkeeper's description. See ``SandboxCRMOAuth/clioAnswer(access:lifetime:)``.
        case clio
        /// `POST /oauth/v2/token` on accounts.zoho.{dc}, every parameter in the query string (a form body
        /// is read too); the refresh token does not rotate; the answer carries `api_domain`; a bad
        /// refresh token or client is refused with **200** `{"error":"invalid_code"}` / `{"error":"invalid_client"}`
        /// [U: widely reported]. Access tokens are presented as `Zoho-oauthtoken <token>`, not `Bearer`.
        case zoho
    }

    private struct State {
        var accessTokens: [String: Date] = [:]
        var refreshTokens: Set<String> = []
        var issued = 0
        var refreshCount = 0
        var tokenRequestCount = 0
        var accessTokenLifetime: TimeInterval = 1800
    }

    public let dialect: Dialect
    public let clientID: String
    public let clientSecret: String
    private let state = Mutex(State())

    public init(dialect: Dialect, clientID: String = "sandbox-client-id", clientSecret: String = "sandbox-client-secret") {
        self.dialect = dialect
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// How long an access token issued from now on works (HubSpot's are about 30 minutes).
    public var accessTokenLifetime: TimeInterval {
        get { self.state.withLock { $0.accessTokenLifetime } }
        set { self.state.withLock { $0.accessTokenLifetime = newValue } }
    }

    /// Successful refreshes served so far.
    public var refreshCount: Int { self.state.withLock { $0.refreshCount } }

    /// Token-endpoint requests received so far, refused ones included.
    public var tokenRequestCount: Int { self.state.withLock { $0.tokenRequestCount } }

    /// A fresh pair, as if a user had just authorised the app.
    public func grant() -> (accessToken: String, refreshToken: String) {
        self.state.withLock { state in
            let access = self.issueAccess(&state)
            state.issued += 1
            let refresh = "\(self.prefix)-refresh-\(state.issued)"
            state.refreshTokens.insert(refresh)
            return (access, refresh)
        }
    }

    /// Every access token issued so far stops working now.
    public func expireAccessTokens() {
        self.state.withLock { state in
            for token in state.accessTokens.keys { state.accessTokens[token] = .distantPast }
        }
    }

    /// Every refresh token stops working, as when a user uninstalls the app.
    public func revokeRefreshTokens() {
        self.state.withLock { $0.refreshTokens.removeAll() }
    }

    /// How the vendor's API expects an access token in the `Authorization` header.
    var authorizationScheme: String {
        self.dialect == .zoho ? "Zoho-oauthtoken " : "Bearer "
    }

    /// True when `authorization` is `<scheme><a live issued access token>`.
    func accepts(authorization: String?) -> Bool {
        guard let authorization, authorization.hasPrefix(self.authorizationScheme) else { return false }
        let token = String(authorization.dropFirst(self.authorizationScheme.count))
        return self.state.withLock { state in state.accessTokens[token].map { $0 > Date() } ?? false }
    }

    /// When the issued access token in `authorization` expired, if it is one and it has.
    func expiry(ofRejected authorization: String?) -> Date? {
        guard let authorization, authorization.hasPrefix(self.authorizationScheme) else { return nil }
        let token = String(authorization.dropFirst(self.authorizationScheme.count))
        return self.state.withLock { state in state.accessTokens[token].flatMap { $0 <= Date() ? $0 : nil } }
    }

    /// Answers one token-endpoint request: `form` is the urlencoded body, `authorization` the header.
    /// - Returns: the status and JSON body.
    func token(form: String, authorization: String?, instanceURL: String) -> (status: Int, body: [String: any Sendable]) {
        self.state.withLock { $0.tokenRequestCount += 1 }
        let fields = SandboxCRMOAuth.parse(form)
        guard fields["grant_type"] == "refresh_token" else {
            return self.refusal(status: 400, error: "unsupported_grant_type", message: "grant type not supported")
        }
        guard self.clientMatches(fields: fields, authorization: authorization) else {
            return self.refusal(status: self.dialect == .pipedrive ? 401 : self.dialect == .zoho ? 200 : 400, error: "invalid_client", message: "client identifier invalid")
        }
        let presented = fields["refresh_token"] ?? ""
        return self.state.withLock { state in
            guard state.refreshTokens.contains(presented) else {
                return self.refusal(status: self.dialect == .zoho ? 200 : 400, error: "invalid_grant", message: "refresh token invalid")
            }
            state.refreshCount += 1
            let access = self.issueAccess(&state)
            let lifetime = Int(state.accessTokenLifetime)
            switch self.dialect {
            case .hubspot:
                return (200, ["token_type": "bearer", "access_token": access, "refresh_token": presented, "expires_in": lifetime])
            case .salesforce:
                return (
                    200,
                    [
                        "access_token": access, "instance_url": instanceURL, "id": "\(instanceURL)/id/00Dsandbox/005sandbox",
                        "token_type": "Bearer", "issued_at": String(Int(Date().timeIntervalSince1970 * 1000)),
                        "signature": "sandbox-signature", "scope": "api refresh_token",
                    ]
                )
            case .clio:
                return (200, SandboxCRMOAuth.clioAnswer(access: access, lifetime: lifetime))
            case .pipedrive:
                state.refreshTokens.remove(presented)
                state.issued += 1
                let rotated = "\(self.prefix)-refresh-\(state.issued)"
                state.refreshTokens.insert(rotated)
                return (
                    200,
                    ["access_token": access, "token_type": "Bearer", "expires_in": lifetime, "refresh_token": rotated, "scope": "base,activities:full,contacts:full", "api_domain": instanceURL]
                )
            case .zoho:
                return (
                    200,
                    ["access_token": access, "token_type": "Bearer", "expires_in": lifetime, "scope": "ZohoCRM.modules.ALL ZohoCRM.users.READ", "api_domain": instanceURL]
                )
            }
        }
    }

    private var prefix: String {
        switch self.dialect {
        case .hubspot: "hubspot"
        case .salesforce: "00Dsandbox"
        case .pipedrive: "pipedrive"
        case .clio: "clio"
        case .zoho: "1000.zoho"
        }
    }

    private func issueAccess(_ state: inout State) -> String {
        state.issued += 1
        let token = "\(self.prefix)-access-\(state.issued)"
        state.accessTokens[token] = Date().addingTimeInterval(state.accessTokenLifetime)
        return token
    }

    private func clientMatches(fields: [String: String], authorization: String?) -> Bool {
        switch self.dialect {
        case .hubspot, .salesforce, .clio, .zoho:
            return fields["client_id"] == self.clientID && fields["client_secret"] == self.clientSecret
        case .pipedrive:
            let expected = Data("\(self.clientID):\(self.clientSecret)".utf8).base64EncodedString()
            return authorization == "Basic \(expected)"
        }
    }

    /// The vendor's body for a refused request. `error` is the OAuth code; `message` the generic text.
    private func refusal(status: Int, error: String, message: String) -> (status: Int, body: [String: any Sendable]) {
        switch self.dialect {
        case .hubspot:
            let hubspotStatus = error == "invalid_grant" ? "BAD_REFRESH_TOKEN" : error == "invalid_client" ? "BAD_CLIENT_ID" : "BAD_GRANT_TYPE"
            let hubspotMessage = error == "invalid_grant" ? "missing or invalid refresh token" : message
            return (status, ["status": hubspotStatus, "message": hubspotMessage, "correlationId": UUID().uuidString.lowercased()])
        case .salesforce:
            let description = error == "invalid_grant" ? "expired access/refresh token" : message
            return (status, ["error": error == "invalid_client" ? "invalid_client_id" : error, "error_description": description])
        case .clio:
            return (status, SandboxCRMOAuth.clioRefusal(error: error))
        case .pipedrive:
            let text =
                switch error {
                case "invalid_grant": "Invalid grant: refresh_token is invalid"
                case "invalid_client": "Invalid client: client is invalid"
                default: "Unsupported grant type: grant_type is invalid"
                }
            return (status, ["success": false, "error": error, "message": text])
        case .zoho:
            return (status, ["error": error == "invalid_grant" ? "invalid_code" : error == "invalid_client" ? "invalid_client" : "unsupported_grant_type"])
        }
    }

    /// `a=1&b=x+y` as a dictionary (form encoding: `+` is a space).
    static func parse(_ form: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.flatMap({ String($0).removingPercentEncoding }) else { continue }
            let value = parts.count > 1 ? parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" : ""
            fields[name] = value
        }
        return fields
    }
}
