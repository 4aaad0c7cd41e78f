import Foundation
import ScribeCore

/// The body of `POST /api/v2/activities` (`AddActivityRequest`) for one logged call.
///
/// API v2 makes `person_id` read-only: an activity is linked to a person through its primary
/// participant, and Pipedrive derives `person_id` from it.
struct PipedriveActivityInput: Encodable, Sendable, Equatable {
    struct Participant: Encodable, Sendable, Equatable {
        var personID: Int
        var primary: Bool

        private enum CodingKeys: String, CodingKey {
            case personID = "person_id"
            case primary
        }
    }

    var subject: String
    var type: String
    var done: Bool
    var dueDate: String
    var dueTime: String
    var duration: String
    var participants: [Participant]
    var note: String
    var publicDescription: String
    /// The Pipedrive user the activity is assigned to (`owner_id`); left out, it is the API token's user.
    var ownerID: Int?
    /// The deal the activity belongs to (`deal_id`); left out when none was chosen.
    var dealID: Int?

    private enum CodingKeys: String, CodingKey {
        case subject, type, done, participants, note
        case ownerID = "owner_id"
        case dealID = "deal_id"
        case dueDate = "due_date"
        case dueTime = "due_time"
        case duration
        case publicDescription = "public_description"
    }

    /// The activity type's `key_string` for calls (a default type in every company).
    static let callType = "call"
    /// Prefixes the marker in `public_description`, so that a human-written description never matches.
    static let markerPrefix = "callscribe:"

    /// The `public_description` carrying `marker`.
    static func markerText(_ marker: CallLogID) -> String {
        PipedriveActivityInput.markerPrefix + marker.rawValue
    }

    /// A call activity for `entry` (done unless the call is still going), linked to `personID` as its primary participant.
    init(entry: CallLogEntry, personID: Int, bodyFormat: BodyFormat) throws(ConnectorError) {
        self.subject = entry.subject
        self.type = PipedriveActivityInput.callType
        self.done = !entry.inProgress
        (self.dueDate, self.dueTime) = PipedriveActivityInput.dueDateAndTime(entry.startedAt)
        self.duration = PipedriveActivityInput.duration(entry.duration)
        self.participants = [Participant(personID: personID, primary: true)]
        self.note = entry.body
        self.publicDescription = PipedriveActivityInput.markerText(entry.marker)
        if let owner = entry.ownerID {
            // Pipedrive user ids are numbers; anything else would be refused by Pipedrive anyway.
            guard let id = Int(owner) else {
                throw ConnectorError(.validationFailed(field: "owner_id"), operation: "pipedrive.createActivity", message: "the CRM owner '\(owner)' is not a Pipedrive user id (a number)")
            }
            self.ownerID = id
        }
        if let deal = entry.relatedRecord {
            // Deal ids are numbers too; Pipedrive itself checks that the deal exists.
            guard let id = Int(deal.id) else {
                throw ConnectorError(.validationFailed(field: "deal_id"), operation: "pipedrive.createActivity", message: "'\(deal.id)' is not a Pipedrive deal id (a number)")
            }
            self.dealID = id
        }
    }

    /// `YYYY-MM-DD` and `HH:MM` in UTC, as Pipedrive stores due dates.
    static func dueDateAndTime(_ date: Date) -> (String, String) {
        (DatePattern("yyyy-MM-dd").string(date), DatePattern("HH:mm").string(date))
    }

    /// `HH:MM`, rounded up to the next whole minute (a 10-second call lasts `00:01`), as AppConnect does.
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int((max(0, seconds) / 60).rounded(.up))
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
