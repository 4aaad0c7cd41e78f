import ScribeConnectors

/// A CRM connection reached with OAuth2: the app's registration and the refresh token an admin's
/// authorisation produced. Held in memory only until it is sealed into the ledger at start-up.
public struct CRMOAuthSettings: Sendable, Hashable, Codable {
    public var registration: CRMOAuthClient.Registration
    public var refreshToken: String

    public init(registration: CRMOAuthClient.Registration, refreshToken: String) {
        self.registration = registration
        self.refreshToken = refreshToken
    }

    /// The chosen CRM's OAuth settings when its refresh token is set; nil keeps the static token.
    static func read(_ kind: CRMSettings.Kind, baseURL: String, from source: SettingsSource) throws(ConfigurationError) -> CRMOAuthSettings? {
        guard let (id, secret, refresh, tokenURL, authentication) = Self.settings(of: kind) else { return nil }
        guard let refreshToken = source.string(refresh), !refreshToken.isEmpty else { return nil }
        let url = kind == .salesforce && source.string(tokenURL) == nil ? "\(baseURL)/services/oauth2/token" : try source.url(tokenURL)
        let registration = CRMOAuthClient.Registration(
            tokenURL: url, clientID: try source.required(id), clientSecret: try source.required(secret), clientAuthentication: authentication
        )
        return CRMOAuthSettings(registration: registration, refreshToken: refreshToken)
    }

    /// A CRM in code's OAuth settings and how its client authenticates; nil for a connector file, whose
    /// OAuth2 registration is among its inputs.
    private static func settings(
        of kind: CRMSettings.Kind
    ) -> (id: Setting, secret: Setting, refresh: Setting, tokenURL: Setting, authentication: CRMOAuthClient.ClientAuthentication)? {
        switch kind {
        case .hubspot: (.hubSpotClientID, .hubSpotClientSecret, .hubSpotRefreshToken, .hubSpotTokenURL, .form)
        case .salesforce: (.salesforceClientID, .salesforceClientSecret, .salesforceRefreshToken, .salesforceTokenURL, .form)
        case .pipedrive: (.pipedriveClientID, .pipedriveClientSecret, .pipedriveRefreshToken, .pipedriveTokenURL, .basic)
        case .file: nil
        }
    }
}
