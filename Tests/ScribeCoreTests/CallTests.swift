import Foundation
import ScribeCore
import Testing

@Suite("Call folding")
struct CallTests {
    typealias F = CallFixtures

    @Test("folds Setup, Proceeding, Answered and Disconnected into one answered leg")
    func answeredLeg() throws {
        let call = F.fold(F.answeredCall)
        let leg = try #require(call.endedLegs.first)
        #expect(call.endedLegs.count == 1)
        #expect(leg.sessionID == "s-1")
        #expect(leg.legacySessionID == "legacy-1")
        #expect(leg.accountID == "acc-1")
        #expect(leg.extensionID == "ext-101")
        #expect(leg.partyID == "p-1")
        #expect(leg.direction == .inbound)
        #expect(leg.result == .answered)
        #expect(leg.startedAt == F.t0)
        #expect(leg.answeredAt == F.t0.addingTimeInterval(5))
        #expect(leg.endedAt == F.t0.addingTimeInterval(65))
        #expect(leg.duration == 60)
        #expect(leg.counterpart == CallEndpoint(phoneNumber: "+14155550123", name: "Jane Doe"))
        #expect(leg.ownEndpoint.extensionID == "ext-101")
        #expect(leg.recordingIDs == ["rec-1"])
    }

    @Test("gives the same call and legs for all 24 orders of four events")
    func orderInsensitive() {
        let reference = F.fold(F.answeredCall)
        let orders = F.permutations(F.answeredCall)
        #expect(orders.count == 24)
        #expect(Set(orders.map { $0.map(\.id) }).count == 24)
        for order in orders {
            let call = F.fold(order)
            #expect(call == reference, "order \(order.map(\.id.rawValue))")
            #expect(call.endedLegs == reference.endedLegs, "order \(order.map(\.id.rawValue))")
        }
    }

    @Test("gives the same call when every event is delivered twice, in any order")
    func duplicatesIgnored() {
        let reference = F.fold(F.answeredCall)
        for order in F.permutations(F.answeredCall) {
            let call = F.fold(order + order.reversed())
            #expect(call == reference, "order \(order.map(\.id.rawValue))")
            #expect(call.endedLegs == reference.endedLegs)
        }
    }

    @Test("has no ended leg until the party is disconnected")
    func notEndedYet() {
        let call = F.fold(Array(F.answeredCall.prefix(3)))
        #expect(call.parties["p-1"]?.status == .answered)
        #expect(call.parties["p-1"]?.hasEnded == false)
        #expect(call.endedLegs.isEmpty)
    }

    @Test("has a leg in progress once answered, none while only ringing, and an ended one after hang-up")
    func legInProgress() throws {
        #expect(F.fold(Array(F.answeredCall.prefix(2))).legs.isEmpty, "ringing")
        let talking = F.fold(Array(F.answeredCall.prefix(3)))
        let leg = try #require(talking.leg(of: "ext-101"))
        #expect(leg.inProgress)
        #expect(leg.duration == 0)
        #expect(leg.answeredAt == F.t0.addingTimeInterval(5))
        let ended = F.fold(F.answeredCall)
        #expect(ended.leg(of: "ext-101")?.inProgress == false)
        #expect(ended.leg(of: "ext-101")?.duration == 60)
        #expect(ended.endedLegsChanged(since: talking) == ["ext-101"])
        #expect(ended.endedLegsChanged(since: ended).isEmpty)
        #expect(talking.endedLegsChanged(since: nil).isEmpty)
        // An answer that arrives after the hang-up was folded changes the ended leg: it is due again.
        let hungUpFirst = F.fold([F.answeredCall[0], F.answeredCall[1], F.answeredCall[3]])
        #expect(hungUpFirst.leg(of: "ext-101")?.result == .missed)
        #expect(ended.endedLegsChanged(since: hungUpFirst) == ["ext-101"])
    }

    @Test("reads a leg stored before legs could be in progress as ended")
    func decodesOlderLeg() throws {
        let leg = F.fold(F.answeredCall).endedLegs[0]
        var json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(leg)) as? [String: Any])
        #expect(json["inProgress"] as? Bool == false)
        json["inProgress"] = nil
        let decoded = try JSONDecoder().decode(CallLeg.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(decoded == leg)
    }

    @Test("makes a call nobody answered a missed leg with no talk time")
    func missedCall() throws {
        let call = F.fold([
            F.event("e-1", sequence: 1, at: 0, F.party(.setup)),
            F.event("e-2", sequence: 2, at: 1, F.party(.proceeding)),
            F.event("e-3", sequence: 3, at: 25, F.party(.disconnected, missedCall: true)),
        ])
        let leg = try #require(call.endedLegs.first)
        #expect(leg.result == .missed)
        #expect(leg.answeredAt == nil)
        #expect(leg.duration == 0)
        #expect(leg.endedAt == F.t0.addingTimeInterval(25))
        #expect(call.parties["p-1"]?.missedCall == true)
    }

    @Test("makes a call that reached voicemail a voicemail leg")
    func voicemail() throws {
        let call = F.fold([
            F.event("e-1", sequence: 1, at: 0, F.party(.setup)),
            F.event("e-2", sequence: 2, at: 20, F.party(.voicemail)),
            F.event("e-3", sequence: 3, at: 50, F.party(.disconnected, reason: "Voicemail")),
        ])
        let leg = try #require(call.endedLegs.first)
        #expect(leg.result == .voicemail)
        #expect(leg.duration == 0)
    }

    @Test("ends a party disconnected by a blind transfer: it has left the session, which goes on without it")
    func blindTransferEndsTheParty() {
        let call = F.fold([
            F.event("e-1", sequence: 1, at: 0, F.party(.setup)),
            F.event("e-2", sequence: 2, at: 5, F.party(.answered)),
            F.event("e-3", sequence: 3, at: 30, F.party(.disconnected, reason: "BlindTransfer")),
        ])
        #expect(call.parties["p-1"]?.status == .disconnected)
        #expect(call.parties["p-1"]?.hasEnded == true)
        #expect(call.endedLegs.map(\.duration) == [25])
    }

    @Test("yields one leg per extension, the answered party's, once all its parties ended")
    func twoPartiesOneExtension() throws {
        // Alice's desk phone (p-1) rings and stops; her mobile (p-2) answers.
        let desk: [TelephonyEvent] = [
            F.event("e-1", sequence: 1, at: 0, F.party(.setup, id: "p-1")),
            F.event("e-3", sequence: 3, at: 8, F.party(.disconnected, id: "p-1", reason: "Cancelled")),
        ]
        let mobile: [TelephonyEvent] = [
            F.event("e-2", sequence: 2, at: 1, F.party(.setup, id: "p-2")),
            F.event("e-4", sequence: 4, at: 8, F.party(.answered, id: "p-2")),
        ]
        let mobileHangUp = F.event("e-5", sequence: 5, at: 98, F.party(.disconnected, id: "p-2"))

        let ringing = F.fold(desk + mobile)
        #expect(ringing.parties.count == 2)
        #expect(ringing.endedLegs.isEmpty)

        let ended = F.fold(desk + mobile + [mobileHangUp])
        #expect(ended.endedLegs.count == 1)
        let leg = try #require(ended.endedLegs.first)
        #expect(leg.extensionID == "ext-101")
        #expect(leg.partyID == "p-2")
        #expect(leg.result == .answered)
        #expect(leg.duration == 90)
    }

    @Test("chooses the earliest party of an extension when none answered")
    func earliestWhenNoneAnswered() throws {
        let call = F.fold([
            F.event("e-1", sequence: 1, at: 3, F.party(.setup, id: "p-b")),
            F.event("e-2", sequence: 2, at: 1, F.party(.setup, id: "p-a")),
            F.event("e-3", sequence: 3, at: 20, F.party(.disconnected, id: "p-a"), F.party(.disconnected, id: "p-b")),
        ])
        let leg = try #require(call.endedLegs.first)
        #expect(call.endedLegs.count == 1)
        #expect(leg.partyID == "p-a")
        #expect(leg.startedAt == F.t0.addingTimeInterval(1))
        #expect(leg.result == .missed)
    }

    @Test("gives no leg for parties without an extension")
    func noExtensionNoLeg() {
        let external = F.fold([
            F.event("e-1", sequence: 1, at: 0, F.party(.setup, id: "p-caller", extension: nil, direction: .outbound)),
            F.event("e-2", sequence: 2, at: 40, F.party(.disconnected, id: "p-caller", extension: nil, direction: .outbound)),
        ])
        #expect(external.parties["p-caller"]?.hasEnded == true)
        #expect(external.endedLegs.isEmpty)
    }

    @Test("gives one leg per extension, sorted by extension, for a call between two of them")
    func legPerExtension() {
        let call = F.fold([
            F.event("e-1", sequence: 1, at: 0, F.party(.setup, id: "p-2", extension: "ext-102"), F.party(.setup, id: "p-ext", extension: nil, direction: .outbound)),
            F.event("e-2", sequence: 2, at: 2, F.party(.answered, id: "p-1", extension: "ext-101")),
            F.event("e-3", sequence: 3, at: 30, F.party(.disconnected, id: "p-1", extension: "ext-101"), F.party(.disconnected, id: "p-2", extension: "ext-102")),
        ])
        #expect(call.endedLegs.map(\.extensionID) == ["ext-101", "ext-102"])
        #expect(call.endedLegs.map(\.result) == [.answered, .missed])
    }

    @Test("collects the recordings reported by different events in the same order whatever the arrival order")
    func recordingsOrderInsensitive() {
        let events = [
            F.event("e-1", sequence: 1, at: 0, F.party(.answered, recordings: ["3045617020"])),
            F.event("e-2", sequence: 2, at: 30, F.party(.hold, recordings: ["3045617016", "3045617020"])),
            F.event("e-3", sequence: 3, at: 60, F.party(.disconnected, recordings: ["3045617016"])),
        ]
        let reference = F.fold(events)
        #expect(reference.parties["p-1"]?.recordingIDs == ["3045617016", "3045617020"])
        for order in F.permutations(events) {
            #expect(F.fold(order) == reference, "order \(order.map(\.id.rawValue))")
        }
    }

    @Test("gives the same caller details whatever the order when events disagree about them")
    func conflictingEndpointsOrderInsensitive() {
        // The caller-ID name changes during the call (a CNAM look-up finishing, say); a third event carries none.
        let events = [
            F.event("e-1", sequence: 1, at: 0, F.party(.setup, from: CallEndpoint(phoneNumber: "+14155550123", name: "WIRELESS CALLER"))),
            F.event("e-2", sequence: 2, at: 5, F.party(.answered, from: CallEndpoint(phoneNumber: "+14155550123", name: "Jane Doe"))),
            F.event("e-3", sequence: 3, at: 65, F.party(.disconnected, from: CallEndpoint(phoneNumber: "+14155550123"))),
        ]
        let names = Set(F.permutations(events).map { F.fold($0).parties["p-1"]?.from.name })
        #expect(names == ["Jane Doe"], "caller names seen: \(names)")
    }

    @Test("keeps the status of the highest sequence whatever the arrival order")
    func highestSequenceWins() {
        let call = F.fold(F.answeredCall.reversed())
        #expect(call.parties["p-1"]?.status == .disconnected)
        #expect(call.parties["p-1"]?.reason == "CallFinished")
        #expect(call.parties["p-1"]?.sequence == 4)
        #expect(call.parties["p-1"]?.from.name == "Jane Doe")
    }
}
