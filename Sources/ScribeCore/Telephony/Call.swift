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

    /// The call as each of our extensions experienced it, for those whose part has ended.
    ///
    /// An extension with several parties in one session (rung on several devices, transferred back)
    /// yields one leg: the answered party if any, otherwise the earliest.
    public var endedLegs: [CallLeg] {
        let byExtension = Dictionary(grouping: self.parties.values.filter { $0.extensionID != nil }, by: { $0.extensionID! })
        return byExtension.keys.sorted().compactMap { extensionID in
            let parties = byExtension[extensionID]!
            guard parties.allSatisfy(\.hasEnded) else { return nil }
            let chosen = parties.sorted { lhs, rhs in
                if (lhs.answeredAt != nil) != (rhs.answeredAt != nil) { return lhs.answeredAt != nil }
                return (lhs.firstSeenAt, lhs.partyID) < (rhs.firstSeenAt, rhs.partyID)
            }[0]
            return CallLeg(call: self, party: chosen, extensionID: extensionID)
        }
    }
}

/// What we know of one party, merged over all its events.
public struct PartyState: Sendable, Codable, Hashable {
    public var partyID: PartyID
    public var extensionID: ExtensionID?
    public var direction: CallDirection
    public var from: CallEndpoint
    public var to: CallEndpoint
    public var status: PartyStatusCode
    public var reason: String?
    public var sequence: Int64
    public var firstSeenAt: Date
    public var answeredAt: Date?
    public var endedAt: Date?
    public var reachedVoicemail: Bool
    public var missedCall: Bool
    public var recordingIDs: [String]

    init(first update: PartyUpdate, sequence: Int64, at time: Date) {
        self.partyID = update.partyID
        self.extensionID = update.extensionID
        self.direction = update.direction
        self.from = update.from
        self.to = update.to
        self.status = update.status
        self.reason = update.reason
        self.sequence = sequence
        self.firstSeenAt = time
        self.reachedVoicemail = false
        self.missedCall = false
        self.recordingIDs = []
    }

    /// True once a final status has been seen, whatever order the events came in.
    public var hasEnded: Bool { self.endedAt != nil }

    mutating func merge(_ update: PartyUpdate, sequence: Int64, at time: Date) {
        if sequence >= self.sequence {
            self.sequence = sequence
            self.status = update.status
            self.reason = update.reason
            self.direction = update.direction
            self.from = self.from.filled(from: update.from)
            self.to = self.to.filled(from: update.to)
        } else {
            self.from = update.from.filled(from: self.from)
            self.to = update.to.filled(from: self.to)
        }
        if self.extensionID == nil { self.extensionID = update.extensionID }
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

extension CallEndpoint {
    /// This endpoint, with any field it lacks taken from `other`.
    func filled(from other: CallEndpoint) -> CallEndpoint {
        CallEndpoint(
            phoneNumber: self.phoneNumber ?? other.phoneNumber,
            name: self.name ?? other.name,
            extensionID: self.extensionID ?? other.extensionID
        )
    }
}
