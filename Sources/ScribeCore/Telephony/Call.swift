import Foundation

/// A telephony session folded from its events.
///
/// Folding is order-insensitive and idempotent: each party keeps the status of its highest
/// sequence and the earliest time it was seen, answered and ended, so the same events in any order,
/// delivered any number of times, give the same call.
public struct Call: Sendable, Codable, Hashable {
    public var sessionID: TelephonySessionID
    public var accountID: AccountID
    public var legacySessionID: String?
    public var parties: [PartyID: PartyState]

    public init(sessionID: TelephonySessionID, accountID: AccountID) {
        self.sessionID = sessionID
        self.accountID = accountID
        self.parties = [:]
    }

    /// Folds one event into the call.
    public mutating func apply(_ event: TelephonyEvent) {
        if self.legacySessionID == nil { self.legacySessionID = event.legacySessionID }
        for update in event.parties {
            var party = self.parties[update.partyID] ?? PartyState(first: update, sequence: event.sequence, at: event.eventTime)
            party.merge(update, sequence: event.sequence, at: event.eventTime)
            self.parties[update.partyID] = party
        }
    }

    /// The call as each of our extensions experienced it so far: a leg for each extension whose part
    /// has ended, and an ``CallLeg/inProgress`` leg for each extension talking on it now. An extension
    /// that is only ringing has no leg yet.
    ///
    /// An extension with several parties in one session (rung on several devices, transferred back)
    /// yields one leg, from its ``representative(of:)`` party.
    ///
    /// An extension that only rang while another answered (a queue, a ring group) has an ended leg
    /// marked ``CallLeg/answeredElsewhere``. One that rang and stopped while the call was still looking
    /// for someone to answer has no leg until that is settled: someone answers, or the call is over.
    public var legs: [CallLeg] {
        let ours = self.parties.values.filter { $0.extensionID != nil }
        let byExtension = Dictionary(grouping: ours, by: { $0.extensionID! })
        let answering = Set(ours.filter { $0.answeredAt != nil }.compactMap(\.extensionID))
        let isOver = self.isOver
        return byExtension.keys.sorted().compactMap { extensionID in
            let parties = byExtension[extensionID]!
            // Once the call log lists the call it is over, even for a party whose hang-up never came.
            if !isOver, !parties.allSatisfy(\.hasEnded) {
                // Still on the call: a leg only once a party of this extension has answered and is talking.
                guard let talking = parties.filter({ $0.answeredAt != nil && !$0.hasEnded }).min(by: { ($0.firstSeenAt, $0.partyID) < ($1.firstSeenAt, $1.partyID) })
                else { return nil }
                return CallLeg(call: self, party: talking, extensionID: extensionID)
            }
            var leg = CallLeg(call: self, party: Self.representative(of: parties), extensionID: extensionID)
            leg.inProgress = false
            if leg.result == .missed {
                if !answering.subtracting([extensionID]).isEmpty {
                    leg.answeredElsewhere = true
                } else if !isOver {
                    return nil
                }
            }
            return leg
        }
    }

    /// True once the phone system's call log has listed the call (it lists only finished calls, so a
    /// party whose last event never came is over too), or every party has left and none was rung by a
    /// call queue: RingCentral does not report the caller's own party, so while a queue may ring its next
    /// member, only the call log says the caller is gone.
    public var isOver: Bool {
        if self.parties.values.contains(where: { $0.sequence >= TelephonyEvent.finalSequence }) { return true }
        return self.parties.values.allSatisfy(\.hasEnded) && !self.parties.values.contains { $0.queueCall == true }
    }

    /// The other sessions this call's parties went on in (attended transfers, conferences), in order.
    public var peerSessionIDs: [TelephonySessionID] {
        Set(self.parties.values.compactMap(\.peerSessionID)).subtracting([self.sessionID]).sorted()
    }

    /// The legs of extensions whose part of the call has ended.
    public var endedLegs: [CallLeg] { self.legs.filter { !$0.inProgress } }

    /// The leg of `extensionID`, ended or in progress.
    public func leg(of extensionID: ExtensionID) -> CallLeg? {
        self.legs.first { $0.extensionID == extensionID }
    }

    /// Extensions whose ended leg is new or different from `previous` (the same call, folded from
    /// fewer events): their part has just ended, or an event that came late (out of order, after the
    /// log was written) changed it. Their logs are due again so that the record says what happened.
    public func endedLegsChanged(since previous: Call?) -> [ExtensionID] {
        let before = Dictionary(previous?.endedLegs.map { ($0.extensionID, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        return self.endedLegs.filter { before[$0.extensionID] != $0 }.map(\.extensionID)
    }
}

/// What we know of one party, merged over all its events.
public struct PartyState: Sendable, Codable, Hashable {
    public var partyID: PartyID
    public var extensionID: ExtensionID?
    public var direction: CallDirection
    /// What each event said about the two ends, one entry per sequence, oldest first; later
    /// sequences win field by field, so the endpoints do not depend on arrival order.
    var endpointReports: [EndpointReport]
    public var status: PartyStatusCode
    public var reason: String?
    public var sequence: Int64
    public var firstSeenAt: Date
    public var answeredAt: Date?
    public var endedAt: Date?
    public var reachedVoicemail: Bool
    public var missedCall: Bool
    public var recordingIDs: [String]
    /// The session the party went on in after leaving this one (see ``PartyUpdate/peerSessionID``).
    public var peerSessionID: TelephonySessionID?
    /// A call queue rang this party (nil in calls folded before this was kept).
    public var queueCall: Bool?

    init(first update: PartyUpdate, sequence: Int64, at time: Date) {
        self.partyID = update.partyID
        self.extensionID = update.extensionID
        self.direction = update.direction
        self.endpointReports = []
        self.status = update.status
        self.reason = update.reason
        self.sequence = sequence
        self.firstSeenAt = time
        self.reachedVoicemail = false
        self.missedCall = false
        self.recordingIDs = []
    }

    /// The calling end, as the latest events describe it.
    public var from: CallEndpoint { self.resolved(\.from) }
    /// The called end, as the latest events describe it.
    public var to: CallEndpoint { self.resolved(\.to) }

    private func resolved(_ side: KeyPath<EndpointReport, CallEndpoint>) -> CallEndpoint {
        self.endpointReports.reduce(CallEndpoint()) { known, report in report[keyPath: side].filled(from: known) }
    }

    /// True once a final status has been seen, whatever order the events came in.
    public var hasEnded: Bool { self.endedAt != nil }

    mutating func merge(_ update: PartyUpdate, sequence: Int64, at time: Date) {
        if sequence >= self.sequence {
            self.sequence = sequence
            self.status = update.status
            self.reason = update.reason
            self.direction = update.direction
        }
        let report = EndpointReport(sequence: sequence, from: update.from, to: update.to)
        if let index = self.endpointReports.firstIndex(where: { $0.sequence == sequence }) {
            self.endpointReports[index] = self.endpointReports[index].combined(with: report)
        } else {
            self.endpointReports.append(report)
            self.endpointReports.sort { $0.sequence < $1.sequence }
        }
        if self.extensionID == nil { self.extensionID = update.extensionID }
        if update.queueCall == true { self.queueCall = true }
        if let peer = update.peerSessionID { self.peerSessionID = max(self.peerSessionID ?? peer, peer) }
        self.firstSeenAt = min(self.firstSeenAt, time)
        if update.status == .answered { self.answeredAt = min(self.answeredAt ?? time, time) }
        if update.status == .voicemail || update.reason == "Voicemail" { self.reachedVoicemail = true }
        if update.missedCall { self.missedCall = true }
        if update.isFinal { self.endedAt = max(self.endedAt ?? time, time) }
        for id in update.recordingIDs where !self.recordingIDs.contains(id) {
            self.recordingIDs.append(id)
        }
        // Sorted, so that the order the events arrived in does not show.
        self.recordingIDs.sort()
    }
}

/// What one sequence number said about both ends of a party.
struct EndpointReport: Sendable, Codable, Hashable {
    var sequence: Int64
    var from: CallEndpoint
    var to: CallEndpoint

    /// Two reports of the same sequence, merged the same way whichever came first.
    func combined(with other: EndpointReport) -> EndpointReport {
        EndpointReport(sequence: self.sequence, from: self.from.agreed(with: other.from), to: self.to.agreed(with: other.to))
    }
}

extension CallEndpoint {
    /// Field by field: the value both give, or the greater one when they differ (an arbitrary but order-free choice).
    func agreed(with other: CallEndpoint) -> CallEndpoint {
        func pick<T: Comparable>(_ a: T?, _ b: T?) -> T? {
            guard let a else { return b }
            guard let b else { return a }
            return max(a, b)
        }
        return CallEndpoint(
            phoneNumber: pick(self.phoneNumber, other.phoneNumber), name: pick(self.name, other.name),
            extensionID: pick(self.extensionID, other.extensionID)
        )
    }

    /// This endpoint, with any field it lacks taken from `other`.
    func filled(from other: CallEndpoint) -> CallEndpoint {
        CallEndpoint(
            phoneNumber: self.phoneNumber ?? other.phoneNumber,
            name: self.name ?? other.name,
            extensionID: self.extensionID ?? other.extensionID
        )
    }
}
