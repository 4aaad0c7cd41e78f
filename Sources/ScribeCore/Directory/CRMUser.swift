import Foundation

/// A user of the CRM, to whom call records can be assigned (HubSpot owners, Salesforce and Pipedrive users).
public struct CRMUser: Sendable, Hashable, Codable {
    /// The id records are assigned with (`hubspot_owner_id`, `OwnerId`, `owner_id`).
    public var id: String
    public var name: String
    /// Lower-cased, so that an agent is matched whatever case either side typed it in; empty when the CRM has none.
    public var email: String
    public var active: Bool

    public init(id: String, name: String, email: String, active: Bool = true) {
        self.id = id
        self.name = name
        self.email = email.lowercased()
        self.active = active
    }

    /// The active user of `users` with `email` (case-insensitive), if exactly one has it: two users
    /// sharing an address say nothing about which one an agent is.
    public static func owner(withEmail email: String, in users: [CRMUser]) -> CRMUser? {
        let wanted = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return nil }
        let found = users.filter { $0.active && $0.email == wanted }
        return found.count == 1 ? found[0] : nil
    }
}
