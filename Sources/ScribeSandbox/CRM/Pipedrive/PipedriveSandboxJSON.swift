import Foundation
import ScribeCore

/// Any JSON value, for validating request bodies field by field as Pipedrive's schema does.
enum PipedriveJSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([PipedriveJSONValue])
    case object([String: PipedriveJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([PipedriveJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: PipedriveJSONValue].self))
        }
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// A whole number (JSON has no integer type).
    var integer: Int? {
        if case .number(let value) = self, value == value.rounded(), abs(value) < 1e15 { return Int(value) }
        return nil
    }
}

/// `{"success":true,"data":…,"additional_data":…}`.
struct PipedriveSandboxEnvelope<Payload: Encodable>: Encodable {
    struct AdditionalData: Encodable {
        /// API v1's offset paging, `{start, limit, more_items_in_collection, next_start?}`.
        struct Pagination: Encodable {
            var start: Int
            var limit: Int
            var moreItemsInCollection: Bool
            var nextStart: Int?

            private enum CodingKeys: String, CodingKey {
                case start, limit
                case moreItemsInCollection = "more_items_in_collection"
                case nextStart = "next_start"
            }
        }

        /// API v2's cursor; sent (as null on the last page) unless the answer is v1's, with ``pagination``.
        var nextCursor: String?
        var pagination: Pagination?

        init(nextCursor: String?) {
            self.nextCursor = nextCursor
        }

        init(pagination: Pagination) {
            self.pagination = pagination
        }

        private enum CodingKeys: String, CodingKey {
            case nextCursor = "next_cursor"
            case pagination
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if let pagination = self.pagination {
                try container.encode(pagination, forKey: .pagination)
            } else {
                try container.encode(self.nextCursor, forKey: .nextCursor)
            }
        }
    }

    var data: Payload
    var additionalData: AdditionalData?

    private enum CodingKeys: String, CodingKey {
        case success, data
        case additionalData = "additional_data"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(true, forKey: .success)
        try container.encode(self.data, forKey: .data)
        try container.encode(self.additionalData, forKey: .additionalData)
    }
}

/// `{"success":true}`: Pipedrive's answer to a delete.
struct PipedriveSandboxSuccess: Encodable {
    var success = true
}

/// RFC 3339 in UTC without fractions, as API v2 writes times: `2025-01-01T10:20:00Z`.
enum PipedriveSandboxDate {
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}

/// A person as `GET /api/v2/persons` returns it.
struct PipedrivePersonJSON: Encodable {
    var person: PipedriveSandboxPerson

    private enum CodingKeys: String, CodingKey {
        case id, name, phones, emails
        case firstName = "first_name"
        case lastName = "last_name"
        case addTime = "add_time"
        case updateTime = "update_time"
        case ownerID = "owner_id"
        case orgID = "org_id"
        case visibleTo = "visible_to"
        case isDeleted = "is_deleted"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.person.id, forKey: .id)
        try container.encode(self.person.name, forKey: .name)
        try container.encode(self.person.firstName, forKey: .firstName)
        try container.encode(self.person.lastName, forKey: .lastName)
        try container.encode(PipedriveSandboxDate.format(self.person.addTime), forKey: .addTime)
        try container.encode(PipedriveSandboxDate.format(self.person.updateTime), forKey: .updateTime)
        try container.encode(PipedriveSandbox.ownerID, forKey: .ownerID)
        try container.encode(self.person.orgID, forKey: .orgID)
        try container.encode(self.person.phones, forKey: .phones)
        try container.encode([String](), forKey: .emails)
        try container.encode(3, forKey: .visibleTo)
        try container.encode(false, forKey: .isDeleted)
    }
}

/// One hit of `GET /api/v2/persons/search`: `{result_score, item:{id, type:"person", name, phones:[string], …}}`.
struct PipedriveSearchHitJSON: Encodable {
    var person: PipedriveSandboxPerson
    var score: Double

    private enum CodingKeys: String, CodingKey {
        case resultScore = "result_score"
        case item
    }

    private enum ItemKeys: String, CodingKey {
        case id, type, name, phones, emails, owner, organization, notes
        case visibleTo = "visible_to"
        case customFields = "custom_fields"
    }

    private struct Owner: Encodable { var id: Int }

    private struct Organization: Encodable {
        var id: Int
        var name: String

        private enum CodingKeys: String, CodingKey { case id, name, address }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(self.id, forKey: .id)
            try container.encode(self.name, forKey: .name)
            try container.encodeNil(forKey: .address)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.score, forKey: .resultScore)
        var item = container.nestedContainer(keyedBy: ItemKeys.self, forKey: .item)
        try item.encode(self.person.id, forKey: .id)
        try item.encode("person", forKey: .type)
        try item.encode(self.person.name, forKey: .name)
        try item.encode(self.person.phones.map(\.value), forKey: .phones)
        try item.encode([String](), forKey: .emails)
        try item.encode(3, forKey: .visibleTo)
        try item.encode(Owner(id: PipedriveSandbox.ownerID), forKey: .owner)
        if let id = self.person.orgID, let name = self.person.orgName {
            try item.encode(Organization(id: id, name: name), forKey: .organization)
        } else {
            try item.encodeNil(forKey: .organization)
        }
        try item.encode([String](), forKey: .customFields)
        try item.encode([String](), forKey: .notes)
    }
}

/// An activity as API v2 returns it (participants read back with `primary_flag`).
struct PipedriveActivityJSON: Encodable {
    var activity: PipedriveSandboxActivity

    private enum CodingKeys: String, CodingKey {
        case id, subject, type, done, busy, duration, note, participants, location, attendees, priority
        case ownerID = "owner_id"
        case creatorUserID = "creator_user_id"
        case isDeleted = "is_deleted"
        case addTime = "add_time"
        case updateTime = "update_time"
        case dealID = "deal_id"
        case leadID = "lead_id"
        case personID = "person_id"
        case orgID = "org_id"
        case projectID = "project_id"
        case dueDate = "due_date"
        case dueTime = "due_time"
        case markedAsDoneTime = "marked_as_done_time"
        case publicDescription = "public_description"
    }

    private struct Participant: Encodable {
        var personID: Int
        var primaryFlag: Bool

        private enum CodingKeys: String, CodingKey {
            case personID = "person_id"
            case primaryFlag = "primary_flag"
        }
    }

    func encode(to encoder: any Encoder) throws {
        let activity = self.activity
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(activity.id, forKey: .id)
        try container.encode(activity.subject, forKey: .subject)
        try container.encode(activity.type, forKey: .type)
        try container.encode(activity.ownerID, forKey: .ownerID)
        try container.encode(activity.ownerID, forKey: .creatorUserID)
        try container.encode(false, forKey: .isDeleted)
        try container.encode(PipedriveSandboxDate.format(activity.addTime), forKey: .addTime)
        try container.encode(PipedriveSandboxDate.format(activity.updateTime), forKey: .updateTime)
        try container.encode(activity.dealID, forKey: .dealID)
        try container.encodeNil(forKey: .leadID)
        try container.encode(activity.personID, forKey: .personID)
        try container.encode(activity.orgID, forKey: .orgID)
        try container.encodeNil(forKey: .projectID)
        try container.encode(activity.dueDate, forKey: .dueDate)
        try container.encode(activity.dueTime, forKey: .dueTime)
        try container.encode(activity.duration, forKey: .duration)
        try container.encode(activity.busy, forKey: .busy)
        try container.encode(activity.done, forKey: .done)
        try container.encode(activity.done ? PipedriveSandboxDate.format(activity.addTime) : nil, forKey: .markedAsDoneTime)
        try container.encodeNil(forKey: .location)
        try container.encode(activity.participants.map { Participant(personID: $0.personID, primaryFlag: $0.primary) }, forKey: .participants)
        try container.encodeNil(forKey: .attendees)
        try container.encode(activity.publicDescription, forKey: .publicDescription)
        try container.encodeNil(forKey: .priority)
        try container.encode(activity.note, forKey: .note)
    }
}
