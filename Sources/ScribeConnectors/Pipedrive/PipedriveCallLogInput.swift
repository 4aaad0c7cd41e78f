import Foundation
import ScribeCore

/// The body of `POST /v1/callLogs` (`AddCallLogRequest`) that turns a call activity into a call log:
/// `activity_id` names the activity, whose person, deal and organization the call log keeps.
///
/// `user_id` is left out, so the call log is the API token's user's (the default owner of what a
/// user creates): among `GET /v1/callLogs`, where the connector finds it again to replace it. Naming
/// the activity's owner instead would need account settings access that user may not have.
struct PipedriveCallLogInput: Encodable, Sendable, Equatable {
    var activityID: Int
    var outcome: String
    var toPhoneNumber: String
    var fromPhoneNumber: String?
    /// `YYYY-MM-DD HH:MM:SS` in UTC: when the call began ringing and when it ended.
    var startTime: String
    var endTime: String
    /// Talk time in whole seconds, as text.
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

    /// The call log `entry`'s write asks of activity `activityID`: one for an ended call whose write
    /// carries the disposition, nil while the call is still going, when the write leaves the
    /// disposition as it is, or when the call has no number it reached (which a call log requires; the
    /// activity is the whole record then).
    init?(entry: CallLogEntry, activityID: Int) {
        let to = entry.toNumber.trimmingCharacters(in: .whitespaces)
        guard !entry.inProgress, entry.writesDisposition, !to.isEmpty else { return nil }
        let from = entry.fromNumber.trimmingCharacters(in: .whitespaces)
        self.activityID = activityID
        self.outcome = PipedriveCallOutcome(for: entry).rawValue
        self.toPhoneNumber = to
        self.fromPhoneNumber = from.isEmpty ? nil : from
        self.startTime = PipedriveCallLogInput.timestamp(entry.startedAt)
        self.endTime = PipedriveCallLogInput.timestamp(max(entry.startedAt, entry.endedAt ?? entry.startedAt.addingTimeInterval(entry.duration)))
        self.duration = String(Int(max(0, entry.duration).rounded()))
        self.subject = entry.subject
        self.note = entry.body
    }

    /// `YYYY-MM-DD HH:MM:SS` in UTC, as the call-logs API takes times.
    static func timestamp(_ date: Date) -> String {
        DatePattern("yyyy-MM-dd HH:mm:ss").string(date)
    }
}
