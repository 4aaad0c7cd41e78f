import Foundation

/// The structured content of a CRM call record, composed from the ledger.
///
/// Connectors map its fields to the CRM's own fields and render ``body`` in the CRM's body format.
/// It carries the log id as ``marker`` so that a record we made can be found again after a crash.
public struct CallLogEntry: Sendable, Hashable, Codable {
    public var marker: CallLogID
    public var subject: String
    public var startedAt: Date
    public var duration: TimeInterval
    public var direction: CallDirection
    public var result: CallResult
    public var fromNumber: String
    public var toNumber: String
    public var contact: Contact
    public var agentName: String?
    public var notes: String?
    public var recordingURL: String?
    public var sessionID: TelephonySessionID

    public init(
        marker: CallLogID, subject: String, startedAt: Date, duration: TimeInterval, direction: CallDirection,
        result: CallResult, fromNumber: String, toNumber: String, contact: Contact, agentName: String? = nil,
        notes: String? = nil, recordingURL: String? = nil, sessionID: TelephonySessionID
    ) {
        self.marker = marker
        self.subject = subject
        self.startedAt = startedAt
        self.duration = duration
        self.direction = direction
        self.result = result
        self.fromNumber = fromNumber
        self.toNumber = toNumber
        self.contact = contact
        self.agentName = agentName
        self.notes = notes
        self.recordingURL = recordingURL
        self.sessionID = sessionID
    }

    /// The labelled lines of the record body, in a fixed order so that a re-render is identical.
    public var bodySections: [(label: String, value: String)] {
        var sections: [(String, String)] = [
            ("Contact", self.contact.name),
            ("Number", self.direction == .inbound ? self.fromNumber : self.toNumber),
            ("Result", self.result.rawValue),
            ("Duration", CallLogEntry.formatDuration(self.duration)),
        ]
        if let agentName { sections.append(("Agent", agentName)) }
        if let recordingURL { sections.append(("Recording", recordingURL)) }
        if let notes, !notes.isEmpty { sections.append(("Notes", notes)) }
        sections.append(("Session", self.sessionID.rawValue))
        return sections
    }

    /// `1h 02m 05s`, `4m 10s`, `12s`.
    public static func formatDuration(_ duration: TimeInterval) -> String {
        let total = Int(duration.rounded())
        let (hours, minutes, seconds) = (total / 3600, (total % 3600) / 60, total % 60)
        if hours > 0 { return "\(hours)h " + String(format: "%02dm %02ds", minutes, seconds) }
        if minutes > 0 { return "\(minutes)m " + String(format: "%02ds", seconds) }
        return "\(seconds)s"
    }
}
