import Foundation
import ScribeCore

/// Builders for telephony events and the calls and legs folded from them.
enum CallFixtures {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let account: AccountID = "acc-1"
    static let session: TelephonySessionID = "s-1"
    static let caller = CallEndpoint(phoneNumber: "+14155550123", name: "Jane Doe")
    static let companyLine = CallEndpoint(phoneNumber: "+16505550100", name: "Alice Agent", extensionID: "ext-101")

    static func party(
        _ status: PartyStatusCode, id: PartyID = "p-1", extension extensionID: ExtensionID? = "ext-101", direction: CallDirection = .inbound,
        from: CallEndpoint = CallFixtures.caller, to: CallEndpoint = CallFixtures.companyLine,
        reason: String? = nil, missedCall: Bool = false, recordings: [String] = []
    ) -> PartyUpdate {
        PartyUpdate(
            partyID: id, extensionID: extensionID, direction: direction, from: from, to: to, status: status, reason: reason,
            missedCall: missedCall, recordingIDs: recordings
        )
    }

    static func event(_ id: String, session: TelephonySessionID = CallFixtures.session, sequence: Int64, at offset: TimeInterval, _ parties: PartyUpdate...) -> TelephonyEvent {
        TelephonyEvent(
            id: EventID(id), accountID: account, sessionID: session, legacySessionID: "legacy-1", sequence: sequence,
            eventTime: t0.addingTimeInterval(offset), parties: parties
        )
    }

    /// An inbound call answered after 5 s and hung up 60 s later. The first event does not yet know the caller's name.
    static let answeredCall: [TelephonyEvent] = [
        event("e-1", sequence: 1, at: 0, party(.setup, from: CallEndpoint(phoneNumber: "+14155550123"))),
        event("e-2", sequence: 2, at: 1, party(.proceeding)),
        event("e-3", sequence: 3, at: 5, party(.answered, recordings: ["rec-1"])),
        event("e-4", sequence: 4, at: 65, party(.disconnected, reason: "CallFinished", recordings: ["rec-1"])),
    ]

    static func fold(_ events: [TelephonyEvent]) -> Call {
        var call = Call(sessionID: events.first?.sessionID ?? session, accountID: account)
        for event in events { call.apply(event) }
        return call
    }

    /// The one ended leg of a single-party call whose counterpart is `counterpart`.
    static func leg(
        direction: CallDirection = .inbound, counterpart: CallEndpoint = CallFixtures.caller, answeredFor talkTime: TimeInterval? = 60
    ) -> CallLeg {
        let own = CallEndpoint(phoneNumber: "+16505550100", name: "Alice Agent", extensionID: "ext-101")
        let (from, to) = direction == .inbound ? (counterpart, own) : (own, counterpart)
        var events = [event("e-1", sequence: 1, at: 0, party(.setup, direction: direction, from: from, to: to))]
        if let talkTime {
            events.append(event("e-2", sequence: 2, at: 5, party(.answered, direction: direction, from: from, to: to)))
            events.append(event("e-3", sequence: 3, at: 5 + talkTime, party(.disconnected, direction: direction, from: from, to: to)))
        } else {
            events.append(event("e-3", sequence: 3, at: 20, party(.disconnected, direction: direction, from: from, to: to, missedCall: true)))
        }
        return fold(events).endedLegs[0]
    }

    /// An inbound call from Jane Doe that rang for 20 s, went to voicemail and ended at 50 s.
    static let voicemailLeg: CallLeg = fold([
        event("e-1", sequence: 1, at: 0, party(.setup)),
        event("e-2", sequence: 2, at: 20, party(.voicemail)),
        event("e-3", sequence: 3, at: 50, party(.disconnected, reason: "Voicemail")),
    ]).endedLegs[0]

    /// Every ordering of `items`.
    static func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[T]] in
            var rest = items
            let head = rest.remove(at: index)
            return permutations(rest).map { [head] + $0 }
        }
    }
}
