/// Which CRM to log into and how to reach it.
public struct CRMSettings: Sendable, Hashable {
    /// The connector kinds this release ships.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case hubspot, pipedrive, salesforce
    }

    public var kind: Kind
    public var baseURL: String
    /// Held in memory only until it is sealed into the ledger at start-up.
    public var credential: String

    public init(kind: Kind, baseURL: String, credential: String) {
        self.kind = kind
        self.baseURL = baseURL
        self.credential = credential
    }

    /// Reads `CALLSCRIBE_CRM` and the chosen CRM's own settings; the others are not required.
    init(_ source: SettingsSource) throws(ConfigurationError) {
        let name = try source.required(.crm)
        guard let kind = Kind(rawValue: name.lowercased()) else {
            throw ConfigurationError(setting: Setting.crm.name, problem: "'\(name)' is not one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        switch kind {
        case .hubspot: self.init(kind: kind, baseURL: try source.url(.hubSpotURL), credential: try source.required(.hubSpotToken))
        case .pipedrive: self.init(kind: kind, baseURL: try source.url(.pipedriveURL), credential: try source.required(.pipedriveToken))
        case .salesforce: self.init(kind: kind, baseURL: try source.url(.salesforceURL), credential: try source.required(.salesforceToken))
        }
    }
}
