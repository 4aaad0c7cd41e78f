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
    /// When the extension's part ended; for a leg ``inProgress``, when it was first seen (so the
    /// duration reads zero until the call ends).
    public var endedAt: Date
    public var result: CallResult
    public var recordingIDs: [String]
    /// The call was answered and is still going: a record created now ("when the call connects") is
    /// completed once the leg ends.
    public var inProgress: Bool
    /// The extension only rang: another of ours answered the call (a queue, a ring group, a transfer
    /// it did not pick up). That call is logged on the extension that answered.
    public var answeredElsewhere: Bool
    /// The session where this extension's part of the conversation began, when this leg goes on
    /// from there (it moved here by an attended transfer or a conference): that leg is the one logged.
    public var continuesSession: TelephonySessionID?

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
        self.inProgress = party.endedAt == nil
        self.answeredElsewhere = false
        self.continuesSession = nil
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
        self.counterpart.phoneNumber != nil && !self.counterpart.isOutside || self.counterpart.extensionID != nil
    }
}

extension CallLeg {
    private enum CodingKeys: String, CodingKey {
        case sessionID, legacySessionID, accountID, extensionID, partyID, direction, from, to, startedAt, answeredAt, endedAt, result
        case recordingIDs, inProgress, answeredElsewhere, continuesSession
    }

    /// Decodes a leg; `inProgress`, `answeredElsewhere` and `continuesSession` are optional in the JSON
    /// because ledgers written before them only hold ended legs of single sessions.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.sessionID = try container.decode(TelephonySessionID.self, forKey: .sessionID)
        self.legacySessionID = try container.decodeIfPresent(String.self, forKey: .legacySessionID)
        self.accountID = try container.decode(AccountID.self, forKey: .accountID)
        self.extensionID = try container.decode(ExtensionID.self, forKey: .extensionID)
        self.partyID = try container.decode(PartyID.self, forKey: .partyID)
        self.direction = try container.decode(CallDirection.self, forKey: .direction)
        self.from = try container.decode(CallEndpoint.self, forKey: .from)
        self.to = try container.decode(CallEndpoint.self, forKey: .to)
        self.startedAt = try container.decode(Date.self, forKey: .startedAt)
        self.answeredAt = try container.decodeIfPresent(Date.self, forKey: .answeredAt)
        self.endedAt = try container.decode(Date.self, forKey: .endedAt)
        self.result = try container.decode(CallResult.self, forKey: .result)
        self.recordingIDs = try container.decode([String].self, forKey: .recordingIDs)
        self.inProgress = try container.decodeIfPresent(Bool.self, forKey: .inProgress) ?? false
        self.answeredElsewhere = try container.decodeIfPresent(Bool.self, forKey: .answeredElsewhere) ?? false
        self.continuesSession = try container.decodeIfPresent(TelephonySessionID.self, forKey: .continuesSession)
    }
}
