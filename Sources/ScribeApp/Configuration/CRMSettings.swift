import ScribeConnectors
import ScribeCore

/// Which CRM to log into and how to reach it.
public struct CRMSettings: Sendable, Hashable {
    /// The connector kinds this release ships.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case hubspot, pipedrive, salesforce
        /// A CRM described by a connector file (``ConnectorFileSettings``).
        case file
    }

    public var kind: Kind
    public var baseURL: String
    /// Held in memory only until it is sealed into the ledger at start-up. With OAuth, the first
    /// access token (empty: refresh before the first request).
    public var credential: String
    /// Set when the connection uses OAuth2 with refresh instead of a static token.
    public var oauth: CRMOAuthSettings?
    /// Set when `kind` is `.file`: the connector file and its inputs.
    public var connectorFile: ConnectorFileSettings?

    public init(kind: Kind, baseURL: String, credential: String, oauth: CRMOAuthSettings? = nil) {
        self.kind = kind
        self.baseURL = baseURL
        self.credential = credential
        self.oauth = oauth
    }

    /// A CRM described by a connector file.
    public init(file: ConnectorFileSettings) throws(ConfigurationError) {
        do {
            self.init(kind: .file, baseURL: try file.spec.baseURL(inputs: file.inputs), credential: "")
        } catch {
            throw ConfigurationError(setting: Setting.connectorInputs.name, problem: error.message)
        }
        self.connectorFile = file
    }

    /// The credential as sealed into the connection.
    var stored: StoredCRMCredential {
        if let file = self.connectorFile { return .inputs(file.inputs) }
        return self.oauth.map { .oauth($0, accessToken: self.credential) } ?? .token(self.credential)
    }

    /// The kind the ledger's connection records: the CRM's name, or `file:<connector>` for a file.
    public var connectionKind: String {
        self.connectorFile.map { "file:\($0.spec.name)" } ?? self.kind.rawValue
    }

    /// The ledger connection's kind, read back: which connector serves it.
    static func kind(ofConnection kind: String) -> Kind? {
        kind.hasPrefix("file:") ? .file : Kind(rawValue: kind)
    }

    /// Reads `CALLSCRIBE_CRM` and the chosen CRM's own settings; the others are not required.
    init(_ source: SettingsSource) throws(ConfigurationError) {
        let name = try source.required(.crm)
        guard let kind = Kind(rawValue: name.lowercased()) else {
            throw ConfigurationError(setting: Setting.crm.name, problem: "'\(name)' is not one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let (url, token) = CRMSettings.tokenSettings(of: kind) else {
            try self.init(file: ConnectorFileSettings(source))
            return
        }
        let baseURL = try source.url(url)
        // With a refresh token the static token is only an optional first access token.
        if let oauth = try CRMOAuthSettings.read(kind, baseURL: baseURL, from: source) {
            self.init(kind: kind, baseURL: baseURL, credential: source.string(token) ?? "", oauth: oauth)
        } else {
            self.init(kind: kind, baseURL: baseURL, credential: try source.required(token))
        }
    }

    /// The base-URL and token settings of a CRM in code; nil for a connector file, which has inputs instead.
    private static func tokenSettings(of kind: Kind) -> (url: Setting, token: Setting)? {
        switch kind {
        case .hubspot: (.hubSpotURL, .hubSpotToken)
        case .pipedrive: (.pipedriveURL, .pipedriveToken)
        case .salesforce: (.salesforceURL, .salesforceToken)
        case .file: nil
        }
    }
}
