import Foundation
import ScribeCore

/// A Clio contact (a `Person` or a `Company`) and its phone numbers, stored as typed.
public struct ClioSandboxContact: Sendable, Equatable {
    public struct PhoneNumber: Sendable, Equatable {
        public var id: Int
        /// `Work`, `Home`, `Mobile`, `Fax`, `Pager`, `Skype` or `Other`.
        public var name: String
        public var number: String
        public var defaultNumber: Bool
    }

    public var id: Int
    public var type: String
    public var firstName: String?
    public var lastName: String?
    public var name: String
    public var phoneNumbers: [PhoneNumber]
    public var email: String?
    var createdAt: Date
    var updatedAt: Date

    /// The default number, else the first.
    public var primaryPhoneNumber: String? {
        (self.phoneNumbers.first { $0.defaultNumber } ?? self.phoneNumbers.first)?.number
    }

    var json: JSONValue {
        .object([
            "id": .int(self.id), "etag": .string(ClioSandbox.etag(self.id, self.updatedAt)), "type": .string(self.type),
            "name": .string(self.name), "first_name": .optional(self.firstName), "last_name": .optional(self.lastName),
            "primary_phone_number": .optional(self.primaryPhoneNumber), "primary_email_address": .optional(self.email),
            "phone_numbers": .array(
                self.phoneNumbers.map {
                    .object([
                        "id": .int($0.id), "etag": .string(ClioSandbox.etag($0.id, self.updatedAt)), "name": .string($0.name),
                        "number": .string($0.number), "default_number": .bool($0.defaultNumber),
                    ])
                }
            ),
            "created_at": .string(ClioSandbox.timestamp(self.createdAt)), "updated_at": .string(ClioSandbox.timestamp(self.updatedAt)),
        ])
    }

    /// The short form Clio nests in other records (`client{id,name}`, `senders[]`).
    var reference: JSONValue {
        .object(["id": .int(self.id), "etag": .string(ClioSandbox.etag(self.id, self.updatedAt)), "name": .string(self.name), "type": .string("Contact")])
    }
}

/// A matter: a legal case whose client is a contact.
public struct ClioSandboxMatter: Sendable, Equatable {
    public var id: Int
    public var displayNumber: String
    public var description: String
    /// `Open`, `Pending` or `Closed`.
    public var status: String
    public var clientID: Int
    var updatedAt: Date

    func json(client: ClioSandboxContact?) -> JSONValue {
        .object([
            "id": .int(self.id), "etag": .string(ClioSandbox.etag(self.id, self.updatedAt)), "display_number": .string(self.displayNumber),
            "description": .string(self.description), "status": .string(self.status), "client": client?.reference ?? .null,
        ])
    }
}

/// A relationship: a contact who takes part in someone else's matter (opposing counsel, a witness…).
public struct ClioSandboxRelationship: Sendable, Equatable {
    public var id: Int
    public var description: String
    public var matterID: Int
    public var contactID: Int
}

/// A communication, the call log: a `PhoneCommunication` (or `EmailCommunication`) between users and contacts.
public struct ClioSandboxCommunication: Sendable, Equatable {
    /// One sender or receiver: `User` or `Contact` by id.
    public struct Party: Sendable, Equatable {
        public var id: Int
        public var type: String
    }

    public var id: Int
    public var type: String
    public var subject: String
    public var body: String
    public var receivedAt: String
    public var senders: [Party]
    public var receivers: [Party]
    public var matterID: Int?
    /// User ids to notify, as sent.
    public var notificationSubscribers: [Int]
    var createdAt: Date
    var updatedAt: Date
}
