import Foundation
import ScribeCore

/// Checks an `AddCallLogRequest` the way Pipedrive's v1 call-logs API does before storing it.
enum PipedriveCallLogValidator {
    static let writableFields: Set<String> = [
        "user_id", "activity_id", "subject", "duration", "outcome", "from_phone_number", "to_phone_number", "start_time", "end_time",
        "person_id", "org_id", "deal_id", "lead_id", "note",
    ]
    static let outcomes: Set<String> = ["connected", "no_answer", "left_message", "left_voicemail", "wrong_number", "busy"]

    struct Checked {
        var userID: Int?
        var activityID: Int?
        var subject: String?
        var duration: String?
        var outcome: String
        var fromPhoneNumber: String?
        var toPhoneNumber: String
        var startTime: String
        var endTime: String
        var personID: Int?
        var orgID: Int?
        var dealID: Int?
        var note: String?
        var sentFields: [String]
    }

    static func validated(_ body: [String: PipedriveJSONValue]) throws(PipedriveSandboxError) -> Checked {
        let fields = PipedriveRequestFields(body: body)
        try fields.refuseUnknown(writableFields)

        let outcome = try fields.required("outcome")
        guard outcomes.contains(outcome) else { throw .validation("outcome", "must be one of \(outcomes.sorted().joined(separator: ", "))") }
        let start = try fields.required("start_time")
        let end = try fields.required("end_time")
        guard let from = SandboxTimeFormat.spaced.date(start) else { throw .validation("start_time", "must match format YYYY-MM-DD HH:MM:SS") }
        guard let to = SandboxTimeFormat.spaced.date(end) else { throw .validation("end_time", "must match format YYYY-MM-DD HH:MM:SS") }
        guard to >= from else { throw .validation("end_time", "must not be before start_time") }
        let duration = try fields.string("duration")
        if let duration, duration.isEmpty || !duration.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw .validation("duration", "must be the number of seconds")
        }
        if fields.has("deal_id"), fields.has("lead_id") {
            throw .badRequest("A call log can be associated with either a deal or a lead, but not both at once")
        }
        return Checked(
            userID: try fields.integer("user_id"), activityID: try fields.integer("activity_id"), subject: try fields.string("subject"), duration: duration,
            outcome: outcome, fromPhoneNumber: try fields.string("from_phone_number"), toPhoneNumber: try fields.required("to_phone_number"),
            startTime: start, endTime: end, personID: try fields.integer("person_id"), orgID: try fields.integer("org_id"), dealID: try fields.integer("deal_id"),
            note: try fields.string("note"), sentFields: fields.sentFields
        )
    }
}
