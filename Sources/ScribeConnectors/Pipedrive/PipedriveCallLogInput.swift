import Foundation
import ScribeCore

/// The body of `POST /v1/callLogs` (`AddCallLogRequest`) that turns a call activity into a call log:
/// `activity_id` names the activity, whose person, deal and organization the call log keeps.
///
/// `user_id` is left out: the call log follows its activity, and naming another user needs account
/// settings access the API token's user may not have.
struct PipedriveCallLogInput: Encodable, Sendable, Equatable {
    var activityID: Int
    var outcome: String
    var toPhoneNumber: String
    var fromPhoneNumber: String?
    /// `YYYY-MM-DD HH:MM:SS` in UTC.
    var startTime: String
    var endTime: String
    /// Whole seconds, as text.
    var duration: String
    var subject: String
    /// HTML, as the activity's note.
    var note: String

    private enum CodingKeys: String, CodingKey {
        case outcome, duration, subject, note
        case activityID = "activity_id"
        case toPhoneNumber = "to_phone_number"
        case fromPhoneNumber = "from_phone_number"
        case startTime = "start_time"
        case endTime = "end_time"
    }

    /// The call log of the ended call `entry`, once its activity's id is set. A call without the
    /// number it reached, or with a disposition that is not an outcome, is refused before anything is
    /// sent: Pipedrive requires `to_phone_number` and takes only its six outcomes.
    init(entry: CallLogEntry, operation: String) throws(ConnectorError) {
        let to = entry.toNumber.trimmingCharacters(in: .whitespaces)
        guard !to.isEmpty else {
            throw ConnectorError(.validationFailed(field: "to_phone_number"), operation: operation, message: "the call has no number it reached, which a Pipedrive call log requires")
        }
        let from = entry.fromNumber.trimmingCharacters(in: .whitespaces)
        let seconds = Int(max(0, entry.duration).rounded())
        self.activityID = 0
        self.outcome = try PipedriveCallOutcome(for: entry, operation: operation).rawValue
        self.toPhoneNumber = to
        self.fromPhoneNumber = from.isEmpty ? nil : from
        self.startTime = PipedriveCallLogInput.timestamp(entry.startedAt)
        self.endTime = PipedriveCallLogInput.timestamp(entry.startedAt.addingTimeInterval(TimeInterval(seconds)))
        self.duration = String(seconds)
        self.subject = entry.subject
        self.note = entry.body
    }

    /// `YYYY-MM-DD HH:MM:SS` in UTC, as the call-logs API takes times.
    static func timestamp(_ date: Date) -> String {
        UTCText.format(date, pattern: "yyyy-MM-dd HH:mm:ss")
    }
}

/// A call log as `GET /v1/callLogs` and `POST /v1/callLogs` return it (the fields read).
struct PipedriveCallLog: Decodable, Sendable {
    /// A string, unlike every other Pipedrive id.
    var id: String
    var activityID: Int?
    var outcome: String?

    private enum CodingKeys: String, CodingKey {
        case id, outcome
        case activityID = "activity_id"
    }
}
