import Foundation

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
        for (name, value) in [("start_time", start), ("end_time", end)] where timestamp(value) == nil {
            throw .validation(name, "must match format YYYY-MM-DD HH:MM:SS")
        }
        if let from = timestamp(start), let to = timestamp(end), to < from {
            throw .validation("end_time", "must not be before start_time")
        }
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

    /// `YYYY-MM-DD HH:MM:SS`, a real moment, as a date (UTC).
    static func timestamp(_ text: String) -> Date? {
        let halves = text.split(separator: " ", omittingEmptySubsequences: false)
        guard halves.count == 2, PipedriveActivityValidator.isDate(String(halves[0])) else { return nil }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hours = Int(clock[0]), let minutes = Int(clock[1]), let seconds = Int(clock[2]), hours < 24, minutes < 60, seconds < 60
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = halves[0].split(separator: "-").compactMap { Int($0) }
        return calendar.date(from: DateComponents(year: day[0], month: day[1], day: day[2], hour: hours, minute: minutes, second: seconds))
    }
}
