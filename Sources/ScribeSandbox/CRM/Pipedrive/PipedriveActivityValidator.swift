import Foundation
import ScribeCore

/// Checks an `AddActivityRequest` the way Pipedrive API v2 does before storing it.
enum PipedriveActivityValidator {
    /// The fields `POST /api/v2/activities` accepts.
    static let writableFields: Set<String> = [
        "subject", "type", "owner_id", "deal_id", "lead_id", "org_id", "project_id", "due_date", "due_time", "duration",
        "busy", "done", "location", "participants", "attendees", "public_description", "priority", "note",
    ]
    /// The default activity types' `key_string`s.
    static let activityTypes: Set<String> = ["call", "meeting", "task", "deadline", "email", "lunch"]

    /// The fields of a create, checked; `now` stamps it.
    struct Checked {
        var subject: String?
        var type: String
        var done: Bool
        var busy: Bool
        var dueDate: String?
        var dueTime: String?
        var duration: String?
        var note: String?
        var publicDescription: String?
        var participants: [PipedriveSandboxActivity.Participant]
        var dealID: Int?
        var orgID: Int?
        var ownerID: Int?
        var sentFields: [String]
    }

    static func validated(_ body: [String: PipedriveJSONValue], personExists: (Int) -> Bool) throws(PipedriveSandboxError) -> Checked {
        // v2 sets person_id from the primary participant (observed: 400 ERR_BAD_REQUEST).
        if body["person_id"] != nil {
            throw .badRequest("'person_id' is a read-only field. Add a primary participant to set 'person_id' instead.")
        }
        let fields = PipedriveRequestFields(body: body)
        try fields.refuseUnknown(writableFields)

        let type = try fields.string("type") ?? "task"
        guard activityTypes.contains(type) else { throw .validation("type", "unknown activity type \(type)") }
        let dueDate = try fields.string("due_date")
        if let dueDate, !isDate(dueDate) { throw .validation("due_date", "must match format YYYY-MM-DD") }
        let dueTime = try fields.string("due_time")
        if let dueTime, !isClock(dueTime, maxHours: 23) { throw .validation("due_time", "must match format HH:MM") }
        let duration = try fields.string("duration")
        if let duration, !isClock(duration, maxHours: 9999) { throw .validation("duration", "must match format HH:MM") }

        var participants: [PipedriveSandboxActivity.Participant] = []
        if let value = body["participants"], value != .null {
            guard case .array(let list) = value else { throw .validation("participants", "must be array") }
            for entry in list {
                guard case .object(let participant) = entry, let id = participant["person_id"]?.integer else {
                    throw .validation("participants", "each participant needs an integer person_id")
                }
                guard personExists(id) else { throw .validation("participants", "person \(id) does not exist") }
                participants.append(.init(personID: id, primary: participant["primary"]?.bool ?? false))
            }
            guard participants.filter(\.primary).count <= 1 else { throw .validation("participants", "only one participant can be primary") }
        }

        return Checked(
            subject: try fields.string("subject"), type: type, done: try fields.bool("done") ?? false, busy: try fields.bool("busy") ?? false,
            dueDate: dueDate, dueTime: dueTime, duration: duration, note: try fields.string("note"),
            publicDescription: try fields.string("public_description"), participants: participants,
            dealID: try fields.integer("deal_id"), orgID: try fields.integer("org_id"), ownerID: try fields.integer("owner_id"), sentFields: fields.sentFields
        )
    }

    /// `YYYY-MM-DD`, a real day.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        return components.isValidDate(in: calendar)
    }

    /// `HH:MM` with minutes below 60.
    static func isClock(_ text: String, maxHours: Int) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count >= 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1])
        else { return false }
        return hours <= maxHours && minutes < 60
    }
}
