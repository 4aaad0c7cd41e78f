import Foundation
import ScribeCore

/// `{success, data, additional_data}`: the envelope of every Pipedrive answer.
struct PipedriveEnvelope<Payload: Decodable & Sendable>: Decodable, Sendable {
    struct AdditionalData: Decodable, Sendable {
        /// API v1's offset paging: `{start, limit, more_items_in_collection, next_start}`.
        struct Pagination: Decodable, Sendable {
            var moreItemsInCollection: Bool?
            var nextStart: Int?

            private enum CodingKeys: String, CodingKey {
                case moreItemsInCollection = "more_items_in_collection"
                case nextStart = "next_start"
            }
        }

        /// API v2's cursor paging.
        var nextCursor: String?
        var pagination: Pagination?

        private enum CodingKeys: String, CodingKey {
            case nextCursor = "next_cursor"
            case pagination
        }
    }

    var success: Bool
    var data: Payload
    var additionalData: AdditionalData?

    private enum CodingKeys: String, CodingKey {
        case success, data
        case additionalData = "additional_data"
    }
}

/// `data` of `GET /api/v2/persons/search`.
struct PipedrivePersonSearchResult: Decodable, Sendable {
    struct Hit: Decodable, Sendable {
        var item: Item
    }

    /// A found person as search returns it: phones are plain strings, and no update time.
    struct Item: Decodable, Sendable {
        var id: Int
        var name: String?
        var phones: [String]?
    }

    var items: [Hit]
}

/// A person from `GET /api/v2/persons` or `POST /api/v2/persons`.
struct PipedrivePerson: Decodable, Sendable {
    struct Phone: Decodable, Sendable {
        var value: String?
    }

    var id: Int
    var name: String?
    var phones: [Phone]?
    var addTime: String?
    var updateTime: String?

    private enum CodingKeys: String, CodingKey {
        case id, name, phones
        case addTime = "add_time"
        case updateTime = "update_time"
    }

    /// This person as a contact; `fallbackName` names one that has no name.
    func contact(fallbackName: String) -> Contact {
        Contact(
            id: ContactID(String(self.id)),
            name: PipedriveConnector.name(self.name, fallback: fallbackName),
            phoneNumbers: (self.phones ?? []).compactMap(\.value).filter { !$0.isEmpty },
            updatedAt: self.updateTime.flatMap(PipedriveConnector.parseDate),
            createdAt: self.addTime.flatMap(PipedriveConnector.parseDate)
        )
    }
}

/// The fields of an activity the connector reads back.
struct PipedriveActivity: Decodable, Sendable {
    var id: Int
    var subject: String?
    var note: String?
    var publicDescription: String?

    private enum CodingKeys: String, CodingKey {
        case id, subject, note
        case publicDescription = "public_description"
    }
}

/// A deal from `GET /api/v2/deals`: the fields the log form shows.
struct PipedriveDeal: Decodable, Sendable {
    var id: Int
    var title: String?
    var status: String?
}

/// A call log as `GET /v1/callLogs` returns it (the fields read).
struct PipedriveCallLog: Decodable, Sendable {
    /// A string, unlike every other Pipedrive id.
    var id: String
    var activityID: Int?
    var outcome: String?
    /// Deleting the call log would delete its recording too.
    var hasRecording: Bool?

    private enum CodingKeys: String, CodingKey {
        case id, outcome
        case activityID = "activity_id"
        case hasRecording = "has_recording"
    }
}
