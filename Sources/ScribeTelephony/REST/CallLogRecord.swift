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
    /// A record whose legs name several extensions (a transfer, a queue, a ring group) becomes one party
    /// per extension, each with its own legs' times and result, so every extension that took part is
    /// logged. Empty for records we cannot log (no session id, not a voice call, no extension).
    public func telephonyEvents(accountID: AccountID) -> [TelephonyEvent] {
        guard self.type == "Voice", let sessionID = self.telephonySessionId,
            let direction = CallDirection(rawValue: self.direction), let start = RingCentralDate.parse(self.startTime)
        else { return [] }
        let session = TelephonySessionID(sessionID)
        let byExtension = self.legsByExtension
        guard byExtension.count > 1 else {
            let extensionID = byExtension.first?.extensionID ?? (direction == .inbound ? self.to?.extensionId : self.from?.extensionId)
            guard let extensionID else { return [] }
            let party = Self.PartyPlan(
                extensionID: extensionID, partyID: self.partyId ?? "call-log-\(self.id)", eventPrefix: "call-log:\(self.id)", direction: direction,
                from: self.from, to: self.to, start: start, duration: TimeInterval(self.duration ?? 0), result: self.result
            )
            return self.events(for: party, accountID: accountID, session: session)
        }
        return byExtension.flatMap { extensionID, legs in
            let first = legs[0]
            let legStart = legs.compactMap { $0.startTime.flatMap(RingCentralDate.parse) }.min() ?? start
            let end = legs.map { leg in (leg.startTime.flatMap(RingCentralDate.parse) ?? legStart).addingTimeInterval(TimeInterval(leg.duration ?? 0)) }.max() ?? legStart
            // The extension answered if any of its legs connected; otherwise its first leg's result stands.
            let connected = legs.first { Self.connected($0.result, duration: TimeInterval($0.duration ?? 0)) }
            let party = Self.PartyPlan(
                extensionID: extensionID, partyID: "call-log-\(self.id)-\(extensionID)", eventPrefix: "call-log:\(self.id):\(extensionID)",
                direction: first.direction.flatMap(CallDirection.init(rawValue:)) ?? direction, from: first.from ?? self.from, to: first.to ?? self.to,
                start: legStart, duration: end.timeIntervalSince(legStart), result: connected?.result ?? first.result
            )
            return self.events(for: party, accountID: accountID, session: session)
        }
    }

    /// The extensions the record's legs belong to, in the order they first appear, with their legs.
    var legsByExtension: [(extensionID: String, legs: [Leg])] {
        var order: [String] = []
        var legs: [String: [Leg]] = [:]
        for leg in self.legs ?? [] {
            guard let id = leg.extension.map({ String($0.id) }) else { continue }
            if legs[id] == nil { order.append(id) }
            legs[id, default: []].append(leg)
        }
        return order.map { ($0, legs[$0]!) }
    }

    /// What one extension's party of the record was.
    private struct PartyPlan {
        var extensionID: String
        var partyID: String
        var eventPrefix: String
        var direction: CallDirection
        var from: Party?
        var to: Party?
        var start: Date
        var duration: TimeInterval
        var result: String?
    }

    /// Whether a result with some talk time means the call was answered.
    private static func connected(_ result: String?, duration: TimeInterval) -> Bool {
        ["Accepted", "Call connected"].contains(result ?? "") && duration > 0
    }

    private func events(for party: PartyPlan, accountID: AccountID, session: TelephonySessionID) -> [TelephonyEvent] {
        let answered = Self.connected(party.result, duration: party.duration)
        // The call log has no answer time; the call counts as answered from its start.
        var steps: [(PartyStatusCode, Date)] = [(.setup, party.start)]
        if answered { steps.append((.answered, party.start)) }
        if party.result == "Voicemail" { steps.append((.voicemail, party.start)) }
        steps.append((.disconnected, party.start.addingTimeInterval(party.duration)))
        return steps.enumerated().map { index, step in
            TelephonyEvent(
                id: EventID("\(party.eventPrefix):\(step.0.rawValue)"), accountID: accountID, sessionID: session,
                legacySessionID: self.sessionId, sequence: TelephonyEvent.finalSequence - Int64(steps.count - 1 - index),
                eventTime: step.1,
                parties: [
                    PartyUpdate(
                        partyID: PartyID(party.partyID), extensionID: ExtensionID(party.extensionID), direction: party.direction,
                        from: CallEndpoint(party.from), to: CallEndpoint(party.to), status: step.0,
                        missedCall: party.result == "Missed", recordingIDs: self.recording.map { [$0.id] } ?? []
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
