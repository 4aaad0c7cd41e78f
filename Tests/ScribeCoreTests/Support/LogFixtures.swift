import Foundation
import ScribeCore

/// Builders for call logs, their content and settings, around ``CallFixtures``.
enum LogFixtures {
    typealias F = CallFixtures

    /// The answered, recorded call of ``CallFixtures/answeredCall``: started at t0, answered at +5 s,
    /// ended at +65 s (60 s of talk), recording `rec-1`.
    static let recordedLeg: CallLeg = F.fold(F.answeredCall).endedLegs[0]

    /// The same call with no recording.
    static let unrecordedLeg: CallLeg = F.leg()

    static let contact = Contact(id: "c-1", name: "Jane Doe")
    static let agent = AgentIdentity(name: "Alice Agent", extensionNumber: "101")
    static let journey = ["Alice Agent: missed", "Bob Agent: answered"]

    static func log(_ leg: CallLeg = recordedLeg) -> CallLog {
        CallLog(
            id: "log-1", key: CallLogKey(accountID: leg.accountID, extensionID: leg.extensionID, sessionID: leg.sessionID, connectionID: "hubspot"),
            leg: leg, createdAt: leg.endedAt
        )
    }

    static func notes(_ text: String, final: Bool = true, at offset: TimeInterval = 70) -> AgentNotes {
        AgentNotes(text: text, isFinal: final, updatedAt: F.t0.addingTimeInterval(offset))
    }

    static let recording = RecordingLink(recordingID: "rec-1", url: "https://rec.example/r-1")
    static let insights = CallInsights(summary: "Wants a quote.", transcript: "Agent: Hello\nCaller: Hi")

    /// Everything a call can have: notes over two lines, a disposition, the recording and AI insights.
    static let fullContent = CallLogContent(
        notes: notes("Asked about renewal.\nCall back Friday."), disposition: "Interested", recording: recording, insights: insights
    )

    /// Dates as `2027-01-15 03:00 -05:00`, in New York.
    static let newYorkFormat = RecordFormat(dateFormat: "yyyy-MM-dd HH:mm ZZZZZ", timeZone: "America/New_York")

    static func composer(_ bodyFormat: BodyFormat = .plainText, format: RecordFormat = newYorkFormat) -> CallLogComposer {
        CallLogComposer(format: format, bodyFormat: bodyFormat)
    }

    static func compose(
        _ bodyFormat: BodyFormat = .plainText, format: RecordFormat = newYorkFormat, leg: CallLeg = recordedLeg,
        content: CallLogContent = fullContent, agent: AgentIdentity? = agent, journey: [String] = journey
    ) -> ComposedRecord {
        composer(bodyFormat, format: format).compose(log(leg), contact: contact, content: content, agent: agent, journey: journey)
    }

    /// A record format that logs every field but `fields`.
    static func format(without fields: LoggedField...) -> RecordFormat {
        var format = newYorkFormat
        format.fields.subtract(fields)
        return format
    }

    /// The section labels in their fixed order.
    static let allLabels = [
        "Contact", "Number", "Date", "Duration", "Result", "Disposition", "Agent", "Notes", "Recording", "AI summary", "Transcript",
        "Call journey", "Session",
    ]
}
