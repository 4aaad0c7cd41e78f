import Foundation

/// A person in the Pipedrive sandbox.
public struct PipedriveSandboxPerson: Sendable, Hashable {
    public struct Phone: Sendable, Hashable, Codable {
        /// As typed: Pipedrive stores phone text without normalizing it.
        public var value: String
        public var primary: Bool
        /// `work`, `mobile`, `home` or `other`.
        public var label: String
    }

    public var id: Int
    public var name: String
    public var firstName: String
    public var lastName: String
    public var phones: [Phone]
    public var orgID: Int?
    public var orgName: String?
    public var addTime: Date
    public var updateTime: Date
}

/// An activity as the sandbox stored it, with the names of the fields the client sent.
public struct PipedriveSandboxActivity: Sendable, Hashable, Codable {
    public struct Participant: Sendable, Hashable, Codable {
        public var personID: Int
        public var primary: Bool

        public init(personID: Int, primary: Bool) {
            self.personID = personID
            self.primary = primary
        }
    }

    public var id: Int
    public var subject: String
    public var type: String
    public var ownerID: Int
    public var done: Bool
    public var busy: Bool
    public var dueDate: String?
    public var dueTime: String?
    public var duration: String?
    public var note: String?
    public var publicDescription: String?
    public var participants: [Participant]
    public var dealID: Int?
    public var orgID: Int?
    public var addTime: Date
    public var updateTime: Date
    /// The top-level keys of the create request, sorted.
    public var sentFields: [String]
    /// The call log this activity was turned into (`POST /v1/callLogs` with its `activity_id`), if any.
    public var callLogID: String?

    /// Set by Pipedrive from the primary participant (read-only in API v2).
    public var personID: Int? {
        self.participants.first(where: \.primary)?.personID
    }
}
