import Foundation

/// What is known about a call beyond its telephony facts: what the agent typed and chose, and the
/// recording and AI insights once they arrive. Everything here is owned by people or by the phone
/// system, never by the CRM writer.
public struct CallLogContent: Sendable, Hashable, Codable {
    public var notes: AgentNotes?
    /// A subject the agent typed, replacing the template.
    public var subject: String?
    public var disposition: String?
    public var recording: RecordingLink?
    public var insights: CallInsights?

    public init(
        notes: AgentNotes? = nil, subject: String? = nil, disposition: String? = nil, recording: RecordingLink? = nil, insights: CallInsights? = nil
    ) {
        self.notes = notes
        self.subject = subject
        self.disposition = disposition
        self.recording = recording
        self.insights = insights
    }
}

/// Notes an agent typed about a call, during it or after.
public struct AgentNotes: Sendable, Hashable, Codable {
    public var text: String
    /// False while the agent is still typing (saved as they type); true once they saved the form.
    public var isFinal: Bool
    public var updatedAt: Date

    public init(text: String, isFinal: Bool, updatedAt: Date) {
        self.text = text
        self.isFinal = isFinal
        self.updatedAt = updatedAt
    }
}

/// Where a call's recording can be played.
public struct RecordingLink: Sendable, Hashable, Codable {
    public var recordingID: String
    public var url: String

    public init(recordingID: String, url: String) {
        self.recordingID = recordingID
        self.url = url
    }
}

/// The AI summary and transcript of a recorded call.
public struct CallInsights: Sendable, Hashable, Codable {
    public var summary: String?
    public var transcript: String?
    /// The delivery these came in (RingSense's envelope `uuid`), when they came by webhook.
    public var eventID: EventID?
    /// When the phone system produced this version: a later version replaces an earlier one, never
    /// the other way round (AI Notes sends one first, RingSense a fuller one after).
    public var producedAt: Date?

    public init(summary: String?, transcript: String?, eventID: EventID? = nil, producedAt: Date? = nil) {
        self.summary = summary
        self.transcript = transcript
        self.eventID = eventID
        self.producedAt = producedAt
    }

    /// True when `other` would show the same in a CRM record: the same summary and transcript.
    public func showsSame(as other: CallInsights) -> Bool {
        self.summary == other.summary && self.transcript == other.transcript
    }

    /// Whether saving `newer` over these (the stored version) changes anything: not when it is the
    /// same delivery again, shows the same text, or is older than what is stored.
    public func isReplaced(by newer: CallInsights) -> Bool {
        if let eventID, eventID == newer.eventID { return false }
        if self.showsSame(as: newer) { return false }
        if let stored = self.producedAt, let incoming = newer.producedAt, incoming < stored { return false }
        return true
    }
}

/// What an agent saves about one call of theirs: any field left nil is kept as it was.
public struct AgentInput: Sendable, Hashable, Codable {
    public var sessionID: TelephonySessionID
    public var extensionID: ExtensionID
    public var notes: AgentNotes?
    public var subject: String?
    public var disposition: String?

    public init(sessionID: TelephonySessionID, extensionID: ExtensionID, notes: AgentNotes? = nil, subject: String? = nil, disposition: String? = nil) {
        self.sessionID = sessionID
        self.extensionID = extensionID
        self.notes = notes
        self.subject = subject
        self.disposition = disposition
    }
}
