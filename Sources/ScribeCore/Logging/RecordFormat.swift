import Foundation

/// A part of the record a user can choose to log or leave out.
public enum LoggedField: String, Sendable, Hashable, Codable, CaseIterable {
    case subject
    case notes
    case contactNumber = "contact_number"
    case dateTime = "date_time"
    case duration
    case result
    case disposition
    case recordingLink = "recording_link"
    case aiSummary = "ai_summary"
    case transcript
    case callJourney = "call_journey"
    case agent
    case sessionID = "session_id"
}

/// What the CRM record says and how: which fields, the subject template, dates in which format and time zone.
public struct RecordFormat: Sendable, Hashable, Codable {
    public var fields: Set<LoggedField>
    /// Placeholders: `{contact}`, `{number}`, `{direction}`, `{result}`, `{agent}`, `{date}`.
    public var subjectTemplate: String?
    /// A Unicode date pattern, e.g. `yyyy-MM-dd HH:mm`.
    public var dateFormat: String
    /// An IANA zone name, so daylight saving is right, e.g. `Europe/London`.
    public var timeZone: String

    public init(
        fields: Set<LoggedField> = Set(LoggedField.allCases), subjectTemplate: String? = nil, dateFormat: String = "yyyy-MM-dd HH:mm zzz",
        timeZone: String = "UTC"
    ) {
        self.fields = fields
        self.subjectTemplate = subjectTemplate
        self.dateFormat = dateFormat
        self.timeZone = timeZone
    }

    public func logs(_ field: LoggedField) -> Bool { self.fields.contains(field) }

    /// Whether the zone name is one the system knows.
    public var hasValidTimeZone: Bool { TimeZone(identifier: self.timeZone) != nil }

    /// `date` in the chosen pattern and zone; the same instant always renders the same way.
    public func format(_ date: Date) -> String {
        DatePattern(self.dateFormat, timeZone: TimeZone(identifier: self.timeZone) ?? .gmt).string(date)
    }
}
