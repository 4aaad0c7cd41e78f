import Foundation

/// A person in the CRM that a call can be logged against.
public struct Contact: Sendable, Hashable, Codable {
    public var id: ContactID
    public var name: String
    /// The contact's numbers as the CRM stored them.
    public var phoneNumbers: [String]
    public var updatedAt: Date?
    public var createdAt: Date?

    public init(id: ContactID, name: String, phoneNumbers: [String] = [], updatedAt: Date? = nil, createdAt: Date? = nil) {
        self.id = id
        self.name = name
        self.phoneNumbers = phoneNumbers
        self.updatedAt = updatedAt
        self.createdAt = createdAt
    }
}
