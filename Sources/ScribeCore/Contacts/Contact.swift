import Foundation

/// A person in the CRM that a call can be logged against.
public struct Contact: Sendable, Hashable, Codable {
    public var id: ContactID
    public var name: String
    /// The contact's numbers as the CRM stored them.
    public var phoneNumbers: [String]
    public var updatedAt: Date?
    public var createdAt: Date?
    /// A contact or a lead, for CRMs that keep both (Salesforce); every other CRM's people are contacts.
    public var kind: ContactKind

    public init(
        id: ContactID, name: String, phoneNumbers: [String] = [], updatedAt: Date? = nil, createdAt: Date? = nil, kind: ContactKind = .contact
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.phoneNumbers = phoneNumbers
        self.updatedAt = updatedAt
        self.createdAt = createdAt
    }
}

extension Contact {
    /// The shortest name a contact search takes: CRMs refuse or flood on a single letter.
    public static let minimumNameQueryLength = 2
    /// The most contacts a search by name asks the CRM for: enough to pick from, not a directory dump.
    public static let nameSearchLimit = 50

    private enum CodingKeys: String, CodingKey {
        case id, name, phoneNumbers, updatedAt, createdAt, kind
    }

    /// Decodes a contact; `kind` is optional because ledgers written before it hold contacts only.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try container.decode(ContactID.self, forKey: .id)
        self.name = try container.decode(String.self, forKey: .name)
        self.phoneNumbers = try container.decodeIfPresent([String].self, forKey: .phoneNumbers) ?? []
        self.updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
        self.createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
        self.kind = try container.decodeIfPresent(ContactKind.self, forKey: .kind) ?? .contact
    }
}

/// Whether a CRM person is a contact or a lead (a prospect not yet qualified).
public enum ContactKind: String, Sendable, Hashable, Codable, CaseIterable {
    case contact
    case lead
}
