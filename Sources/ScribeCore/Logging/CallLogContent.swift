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

    public init(summary: String?, transcript: String?) {
        self.summary = summary
        self.transcript = transcript
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
