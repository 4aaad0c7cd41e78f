/// Which CRM to log into and how to reach it.
public struct CRMSettings: Sendable, Hashable {
    /// The connector kinds this release ships.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case hubspot, pipedrive, salesforce
    }

    public var kind: Kind
    public var baseURL: String
    /// Held in memory only until it is sealed into the ledger at start-up. With OAuth, the first
    /// access token (empty: refresh before the first request).
    public var credential: String
    /// Set when the connection uses OAuth2 with refresh instead of a static token.
    public var oauth: CRMOAuthSettings?

    public init(kind: Kind, baseURL: String, credential: String, oauth: CRMOAuthSettings? = nil) {
        self.kind = kind
        self.baseURL = baseURL
        self.credential = credential
        self.oauth = oauth
    }

    /// The credential as sealed into the connection.
    var stored: StoredCRMCredential {
        self.oauth.map { .oauth($0, accessToken: self.credential) } ?? .token(self.credential)
    }

    /// Reads `CALLSCRIBE_CRM` and the chosen CRM's own settings; the others are not required.
    init(_ source: SettingsSource) throws(ConfigurationError) {
        let name = try source.required(.crm)
        guard let kind = Kind(rawValue: name.lowercased()) else {
            throw ConfigurationError(setting: Setting.crm.name, problem: "'\(name)' is not one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let (url, token): (Setting, Setting) =
            switch kind {
            case .hubspot: (.hubSpotURL, .hubSpotToken)
            case .pipedrive: (.pipedriveURL, .pipedriveToken)
            case .salesforce: (.salesforceURL, .salesforceToken)
            }
        let baseURL = try source.url(url)
        // With a refresh token the static token is only an optional first access token.
        if let oauth = try CRMOAuthSettings.read(kind, baseURL: baseURL, from: source) {
            self.init(kind: kind, baseURL: baseURL, credential: source.string(token) ?? "", oauth: oauth)
        } else {
            self.init(kind: kind, baseURL: baseURL, credential: try source.required(token))
        }
    }
}
