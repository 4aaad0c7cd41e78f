import Foundation

/// One call the sandbox phone system places: who, which way, and how long it rang and talked.
///
/// Everything the phone system later says about the call (webhook events, the call-log record) is
/// derived from this plan, so a restarted sandbox tells the same story.
public struct ScriptedCall: Codable, Sendable, Hashable {
    public enum Outcome: String, Codable, Sendable, Hashable {
        case answered, missed, voicemail
    }

    public var number: Int
    public var extensionID: String
    public var extensionNumber: String
    public var employeeName: String
    public var employeeNumber: String
    public var customerNumber: String
    public var direction: String
    public var outcome: Outcome
    public var placedAt: Date
    public var ringSeconds: Double
    /// Talk time when answered; message length for voicemail.
    public var talkSeconds: Double
    public var recorded: Bool

    public var telephonySessionID: String { "s-a0d7\(String(format: "%012x", self.number))" }
    public var sessionID: String { String(500_000_000_000 + self.number) }
    public var partyID: String { "p-a0d7\(String(format: "%012x", self.number))-2" }
    public var recordingID: String { String(800_000_000 + self.number) }
    public var callLogID: String { "CL\(String(format: "%010d", self.number))" }

    public var answeredAt: Date? { self.outcome == .answered ? self.placedAt.addingTimeInterval(self.ringSeconds) : nil }
    public var endedAt: Date {
        self.placedAt.addingTimeInterval(self.ringSeconds + (self.outcome == .missed ? 0 : self.talkSeconds))
    }

    /// When the phone system has finished the recording: about as long after the call as the call lasted.
    public var recordingReadyAt: Date { self.endedAt.addingTimeInterval(self.talkSeconds) }

    /// The party's status changes in order, with when each happens.
    var statusChanges: [(code: String, reason: String?, at: Date)] {
        var changes: [(String, String?, Date)] = [("Setup", nil, self.placedAt), ("Proceeding", nil, self.placedAt.addingTimeInterval(min(0.2, self.ringSeconds / 2)))]
        let rang = self.placedAt.addingTimeInterval(self.ringSeconds)
        switch self.outcome {
        case .answered: changes.append(("Answered", nil, rang))
        case .voicemail: changes.append(("VoiceMail", "Voicemail", rang))
        case .missed: break
        }
        changes.append(("Disconnected", nil, self.endedAt))
        return changes
    }
}
