import Foundation
import ScribeCore

/// A call-log record (`CallLogRecord`, Detailed view) as RingCentral returns it.
public struct CallLogRecord: Codable, Sendable, Hashable {
    public struct Party: Codable, Sendable, Hashable {
        public var phoneNumber: String?
        public var extensionNumber: String?
        public var extensionId: String?
        public var name: String?
    }

    public struct Recording: Codable, Sendable, Hashable {
        public var id: String
        public var uri: String?
        public var type: String?
        public var contentUri: String?
    }

    public struct ExtensionRef: Codable, Sendable, Hashable {
        public var id: Int64
        public var uri: String?
    }

    public struct Leg: Codable, Sendable, Hashable {
        public var startTime: String?
        public var duration: Int?
        public var direction: String?
        public var result: String?
        public var from: Party?
        public var to: Party?
        public var `extension`: ExtensionRef?
        public var legType: String?
        public var master: Bool?
    }

    public var id: String
    public var uri: String?
    public var sessionId: String
    public var telephonySessionId: String?
    public var partyId: String?
    public var startTime: String
    public var duration: Int?
    public var type: String
    public var direction: String
    public var action: String?
    public var result: String?
    public var from: Party?
    public var to: Party?
    public var recording: Recording?
    public var legs: [Leg]?
    public var lastModifiedTime: String?

    /// When the call started; nil when RingCentral's time cannot be read.
    public var startDate: Date? { RingCentralDate.parse(self.startTime) }

    /// The record as the telephony events it stands for, so that calls found by the sync take the
    /// same path as calls heard through webhooks: set-up (and answer) at the start, hang-up at the end.
    /// Empty for records we cannot log (no session id, not a voice call, no extension).
    public func telephonyEvents(accountID: AccountID) -> [TelephonyEvent] {
        guard self.type == "Voice", let sessionID = self.telephonySessionId,
            let direction = CallDirection(rawValue: self.direction), let start = RingCentralDate.parse(self.startTime)
        else { return [] }
        let extensionID = self.legs?.lazy.compactMap(\.extension).first.map { String($0.id) }
            ?? (direction == .inbound ? self.to?.extensionId : self.from?.extensionId)
        guard let extensionID else { return [] }
        let duration = TimeInterval(self.duration ?? 0)
        let answered = ["Accepted", "Call connected"].contains(self.result ?? "") && duration > 0
        let partyID = PartyID(self.partyId ?? "call-log-\(self.id)")
        // The call log has no answer time; the call counts as answered from its start.
        var steps: [(PartyStatusCode, Date)] = [(.setup, start)]
        if answered { steps.append((.answered, start)) }
        if self.result == "Voicemail" { steps.append((.voicemail, start)) }
        steps.append((.disconnected, start.addingTimeInterval(duration)))
        return steps.enumerated().map { index, step in
            TelephonyEvent(
                id: EventID("call-log:\(self.id):\(step.0.rawValue)"), accountID: accountID, sessionID: TelephonySessionID(sessionID),
                legacySessionID: self.sessionId, sequence: TelephonyEvent.finalSequence - Int64(steps.count - 1 - index),
                eventTime: step.1,
                parties: [
                    PartyUpdate(
                        partyID: partyID, extensionID: ExtensionID(extensionID), direction: direction,
                        from: CallEndpoint(self.from), to: CallEndpoint(self.to), status: step.0,
                        missedCall: self.result == "Missed", recordingIDs: self.recording.map { [$0.id] } ?? []
                    )
                ]
            )
        }
    }
}

extension CallEndpoint {
    init(_ party: CallLogRecord.Party?) {
        self.init(
            phoneNumber: party?.phoneNumber ?? party?.extensionNumber, name: party?.name,
            extensionID: party?.extensionId.map { ExtensionID($0) }
        )
    }
}
