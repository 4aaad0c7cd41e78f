import Foundation
import ScribeConnectors
import ScribeCore
import Synchronization

/// The one ``CRMTokenProvider`` of each OAuth CRM connection, made on first use, so every connector
/// built for the connection (workers, log form, connection check) shares one refresh in flight.
final class CRMTokenProviderBook: Sendable {
    private let providers = Mutex<[ConnectionID: (grant: String, provider: CRMTokenProvider)]>([:])

    /// The connection's provider; a new one when the configured grant (its refresh token) changed.
    func provider(for connection: ConnectionID, grant: String, make: () -> CRMTokenProvider) -> CRMTokenProvider {
        self.providers.withLock { providers in
            if let known = providers[connection], known.grant == grant { return known.provider }
            let made = make()
            providers[connection] = (grant, made)
            return made
        }
    }
}

extension Callscribe {
    /// How the connector for `connection` authenticates: its static token, or its OAuth grant through
    /// the connection's shared token provider, whose refreshed pairs are kept in the ledger.
    func authorization(for connection: CRMConnection, kind: CRMSettings.Kind, credential: StoredCRMCredential) -> CRMAuthorization {
        switch credential {
        case .token(let token):
            return kind == .pipedrive ? .header(name: "x-api-token", value: token) : .bearer(token)
        case .oauth(let settings, let accessToken):
            return .oauth(self.tokenProvider(for: connection, settings: settings, accessToken: accessToken))
        case .inputs:
            preconditionFailure("a connector file's inputs are opened by makeFileConnector")
        }
    }

    /// The connection's shared OAuth token provider, storing each refreshed pair in the ledger.
    func tokenProvider(for connection: CRMConnection, settings: CRMOAuthSettings, accessToken: String) -> CRMTokenProvider {
        self.crmTokens.provider(for: connection.id, grant: settings.refreshToken) {
            let http = ConnectorHTTPClient(httpClient: self.httpClient, logger: self.logger)
            let store = LedgerCRMTokenStore(
                connection: connection.id, configuredRefreshToken: settings.refreshToken, ledger: self.ledger, secrets: self.secrets, now: self.effects.now
            )
            return CRMTokenProvider(
                client: CRMOAuthClient(registration: settings.registration, http: http, now: self.effects.now), store: store,
                initial: CRMTokenPair(accessToken: accessToken, accessExpiresAt: nil, refreshToken: settings.refreshToken),
                now: self.effects.now, logger: self.logger
            )
        }
    }
}
