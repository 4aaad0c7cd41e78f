import Foundation

/// One telephony-session notification, in domain terms: which session, in what order, and the
/// state of the parties it reports.
///
/// Built by the telephony adapter from a webhook delivery, or from a call-log record found by the
/// catch-up sync (then `sequence` is ``TelephonyEvent/finalSequence`` and every party is ended).
public struct TelephonyEvent: Sendable, Codable, Hashable {
    public var id: EventID
    public var accountID: AccountID
    public var sessionID: TelephonySessionID
    /// RingCentral's legacy `sessionId`, kept for support and the call-log API.
    public var legacySessionID: String?
    /// Orders events of one session; deliveries can arrive out of order.
    public var sequence: Int64
    public var eventTime: Date
    public var parties: [PartyUpdate]

    /// The sequence given to events reconstructed from the call log: after anything live.
    public static let finalSequence: Int64 = Int64.max / 2

    public init(
        id: EventID, accountID: AccountID, sessionID: TelephonySessionID, legacySessionID: String? = nil,
        sequence: Int64, eventTime: Date, parties: [PartyUpdate]
    ) {
        self.id = id
        self.accountID = accountID
        self.sessionID = sessionID
        self.legacySessionID = legacySessionID
        self.sequence = sequence
        self.eventTime = eventTime
        self.parties = parties
    }
}

/// Direction of a party, from that party's point of view.
public enum CallDirection: String, Sendable, Codable, Hashable {
    case inbound = "Inbound"
    case outbound = "Outbound"
}

/// One end of a call as the phone system reports it.
public struct CallEndpoint: Sendable, Codable, Hashable {
    /// E.164 for public numbers; internal calls may carry an extension number such as `102`.
    public var phoneNumber: String?
    public var name: String?
    public var extensionID: ExtensionID?

    public init(phoneNumber: String? = nil, name: String? = nil, extensionID: ExtensionID? = nil) {
        self.phoneNumber = phoneNumber
        self.name = name
        self.extensionID = extensionID
    }
}

/// The status codes a party moves through (RingCentral's `status.code`).
public enum PartyStatusCode: String, Sendable, Codable, Hashable {
    case setup = "Setup"
    case proceeding = "Proceeding"
    case answered = "Answered"
    case disconnected = "Disconnected"
    case gone = "Gone"
    case parked = "Parked"
    case hold = "Hold"
    case voicemail = "VoiceMail"
    case faxReceive = "FaxReceive"
    case voicemailScreening = "VoiceMailScreening"
    case unknown = "Unknown"
}

/// A party's state in one event.
public struct PartyUpdate: Sendable, Codable, Hashable {
    public var partyID: PartyID
    public var extensionID: ExtensionID?
    public var direction: CallDirection
    public var from: CallEndpoint
    public var to: CallEndpoint
    public var status: PartyStatusCode
    /// Why the status changed (`BlindTransfer`, `Voicemail`…); a `Disconnected` without one is a hang-up.
    public var reason: String?
    public var missedCall: Bool
    /// Recording ids the phone system reported for this party.
    public var recordingIDs: [String]
    /// The session this party went on in, when it left this one for another (`Gone` with a `peerId`:
    /// an attended transfer, a merge into a conference). Links the two sessions into one conversation.
    public var peerSessionID: TelephonySessionID?
    /// The party was rung by a call queue (RingCentral's `queueCall`); nil where the event did not say.
    public var queueCall: Bool?

    public init(
        partyID: PartyID, extensionID: ExtensionID?, direction: CallDirection, from: CallEndpoint, to: CallEndpoint,
        status: PartyStatusCode, reason: String? = nil, missedCall: Bool = false, recordingIDs: [String] = [],
        peerSessionID: TelephonySessionID? = nil, queueCall: Bool? = nil
    ) {
        self.partyID = partyID
        self.extensionID = extensionID
        self.direction = direction
        self.from = from
        self.to = to
        self.status = status
        self.reason = reason
        self.missedCall = missedCall
        self.recordingIDs = recordingIDs
        self.peerSessionID = peerSessionID
        self.queueCall = queueCall
    }

    /// True when this party's part of the call is over. RingCentral reports a party leaving its
    /// session as `Disconnected` (a hang-up without a reason; with one, e.g. `BlindTransfer` or a queue
    /// agent answering, when the session goes on without it) or as `Gone` (moved to another session,
    /// e.g. an attended transfer or a pickup from park). Either way this party sends nothing more, so
    /// its extension's leg can be logged now rather than at the next call-log sweep.
    public var isFinal: Bool {
        self.status == .disconnected || self.status == .gone
    }
}
