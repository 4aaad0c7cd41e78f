import Foundation
import ScribeConnectors
import ScribeCore

extension Callscribe {
    /// The connector for a connection described by the configured connector file: its inputs from the
    /// sealed credential, its OAuth2 tokens (if any) through the connection's shared provider, and every
    /// HTTP request admitted by the connection's budget, the file's own `rate_limit` or the default.
    func makeFileConnector(_ connection: CRMConnection, credential: StoredCRMCredential) throws -> any CRMConnector {
        guard let file = self.configuration.crm.connectorFile, connection.kind == self.configuration.crm.connectionKind else {
            throw ConfigurationError(
                setting: Setting.connectorFile.name,
                problem: "connection \(connection.id) is a \(connection.kind) connection, and no connector file for it is configured"
            )
        }
        guard case .inputs(let inputs) = credential else {
            throw ConfigurationError(setting: "connection \(connection.id)", problem: "its stored credential holds no connector inputs")
        }
        var tokenProvider: CRMTokenProvider?
        if let grant = try file.spec.oauthGrant(inputs: inputs) {
            let settings = CRMOAuthSettings(registration: grant.registration, refreshToken: grant.refreshToken)
            tokenProvider = self.tokenProvider(for: connection, settings: settings, accessToken: inputs["access_token"] ?? "")
        }
        let limit = file.spec.requestBudget ?? Callscribe.defaultFileBudget
        return try DeclarativeConnector(
            spec: file.spec, inputs: inputs, httpClient: self.httpClient, tokenProvider: tokenProvider,
            budget: self.rateLimiters.limiter(for: connection.id, limit: limit), now: self.effects.now, logger: self.logger
        )
    }

    /// The budget of a connector file that states none: 10 requests a second.
    static let defaultFileBudget = RateLimit(requests: 10, per: 1)
}
