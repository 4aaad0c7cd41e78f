import Foundation

/// How a call ended for one extension.
public enum CallResult: String, Sendable, Codable, Hashable {
    case answered = "Answered"
    case missed = "Missed"
    case voicemail = "Voicemail"
}

/// A call as one of our extensions experienced it: the unit we log.
public struct CallLeg: Sendable, Codable, Hashable {
    public var sessionID: TelephonySessionID
    public var legacySessionID: String?
    public var accountID: AccountID
    public var extensionID: ExtensionID
    public var partyID: PartyID
    public var direction: CallDirection
    public var from: CallEndpoint
    public var to: CallEndpoint
    public var startedAt: Date
    public var answeredAt: Date?
    public var endedAt: Date
    public var result: CallResult
    public var recordingIDs: [String]

    init(call: Call, party: PartyState, extensionID: ExtensionID) {
        self.sessionID = call.sessionID
        self.legacySessionID = call.legacySessionID
        self.accountID = call.accountID
        self.extensionID = extensionID
        self.partyID = party.partyID
        self.direction = party.direction
        self.from = party.from
        self.to = party.to
        self.startedAt = party.firstSeenAt
        self.answeredAt = party.answeredAt
        self.endedAt = party.endedAt ?? party.firstSeenAt
        self.result =
            if party.answeredAt != nil { .answered } else if party.reachedVoicemail { .voicemail } else { .missed }
        self.recordingIDs = party.recordingIDs
    }

    /// Talk time: from answer to hang-up; zero for a call nobody answered.
    public var duration: TimeInterval {
        guard let answeredAt else { return 0 }
        return max(0, self.endedAt.timeIntervalSince(answeredAt))
    }

    /// The other side of the call: the caller for inbound calls, the callee for outbound ones.
    public var counterpart: CallEndpoint { self.direction == .inbound ? self.from : self.to }

    /// Our side of the call.
    public var ownEndpoint: CallEndpoint { self.direction == .inbound ? self.to : self.from }

    /// True when both ends are extensions of the account (an extension-to-extension call).
    public var isInternal: Bool {
        self.counterpart.extensionID != nil || (self.counterpart.phoneNumber.map { $0.count <= 6 && !$0.hasPrefix("+") } ?? false)
    }
}
