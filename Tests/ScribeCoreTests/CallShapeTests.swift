import Foundation
import ScribeCore
import Testing

/// Transfers, queues, park and conferences: calls with several of our extensions in one telephony
/// session, folded from event sequences shaped as RingCentral reports them (status codes and reasons
/// from its API reference; the order of parties within a session is partly assumed, see each test).
@Suite("Call shapes")
struct CallShapeTests {
    typealias F = CallFixtures

    static let bob = CallEndpoint(phoneNumber: "+16505550102", name: "Bob Agent", extensionID: "ext-102")
    static let carol = CallEndpoint(phoneNumber: "+16505550103", name: "Carol Agent", extensionID: "ext-103")

    static func alice(_ status: PartyStatusCode, reason: String? = nil) -> PartyUpdate {
        F.party(status, id: "p-a", extension: "ext-101", reason: reason)
    }

    static func bob(_ status: PartyStatusCode, reason: String? = nil) -> PartyUpdate {
        F.party(status, id: "p-b", extension: "ext-102", to: bob, reason: reason)
    }

    static func carol(_ status: PartyStatusCode, reason: String? = nil) -> PartyUpdate {
        F.party(status, id: "p-c", extension: "ext-103", to: carol, reason: reason)
    }

    static func caller(_ status: PartyStatusCode) -> PartyUpdate {
        F.party(status, id: "p-caller", extension: nil, direction: .outbound)
    }

    /// Jane calls Alice, who answers at 5 s and blind-transfers her to Bob at 30 s; Bob answers at
    /// 35 s and Jane hangs up at 95 s. Alice's party leaves with `Disconnected`/`BlindTransfer`.
    static let blindTransfer: [TelephonyEvent] = [
        F.event("e-1", sequence: 1, at: 0, caller(.setup), alice(.setup)),
        F.event("e-2", sequence: 2, at: 5, caller(.answered), alice(.answered)),
        F.event("e-3", sequence: 3, at: 30, alice(.disconnected, reason: "BlindTransfer"), bob(.setup)),
        F.event("e-4", sequence: 4, at: 35, bob(.answered)),
        F.event("e-5", sequence: 5, at: 95, bob(.disconnected), caller(.disconnected)),
    ]

    @Test("a blind transfer gives the transferring extension its leg at the transfer and the target its own at hang-up")
    func blindTransferLegs() throws {
        let transferred = F.fold(Array(Self.blindTransfer.prefix(3)))
        #expect(transferred.endedLegs.map(\.extensionID) == ["ext-101"], "Alice's part is over at the transfer")
        #expect(transferred.endedLegsChanged(since: F.fold(Array(Self.blindTransfer.prefix(2)))) == ["ext-101"])
        let call = F.fold(Self.blindTransfer)
        #expect(call.endedLegs.map(\.extensionID) == ["ext-101", "ext-102"])
        #expect(call.endedLegs.map(\.duration) == [25, 60])
        #expect(call.endedLegs.allSatisfy { $0.result == .answered && $0.counterpart.phoneNumber == F.caller.phoneNumber })
        #expect(call.endedLegsChanged(since: transferred) == ["ext-102"], "each extension's leg is due once")
        #expect(call.journey == ["Alice Agent: answered, then BlindTransfer", "Bob Agent: answered"])
        for order in F.permutations(Self.blindTransfer) {
            #expect(F.fold(order) == call, "order \(order.map(\.id.rawValue))")
        }
    }

    /// Alice answers, holds Jane at 20 s while she consults Bob on a second session, and completes the
    /// transfer at 50 s: in Jane's session Alice's party is `Gone`/`AttendedTransfer` (RingCentral:
    /// "the party transferred the call and a cross call is established"). Bob's talk with Jane belongs
    /// to the consultation session (assumed: its events are not in this session's notifications).
    @Test("a warm transfer keeps the transferring leg going through hold and ends it when the party is Gone")
    func warmTransferLegs() throws {
        let events = [
            F.event("e-1", sequence: 1, at: 0, Self.caller(.setup), Self.alice(.setup)),
            F.event("e-2", sequence: 2, at: 5, Self.caller(.answered), Self.alice(.answered)),
            F.event("e-3", sequence: 3, at: 20, Self.alice(.hold)),
            F.event("e-4", sequence: 4, at: 50, Self.alice(.gone, reason: "AttendedTransfer")),
        ]
        let held = try #require(F.fold(Array(events.prefix(3))).leg(of: "ext-101"))
        #expect(held.inProgress, "on hold is still on the call")
        let call = F.fold(events)
        let leg = try #require(call.endedLegs.first)
        #expect(call.endedLegs.count == 1)
        #expect(leg.result == .answered)
        #expect(leg.duration == 45)
        #expect(call.parties["p-a"]?.reason == "AttendedTransfer")
    }

    /// A call queue rings Alice, Bob and Carol at once; Bob answers at 8 s and the others stop
    /// ringing (`Disconnected`, reason assumed `Cancelled`); Bob hangs up at 68 s.
    @Test("a queue call gives the agent who answered the answered leg and the others a missed one, each once")
    func queueLegs() {
        let events = [
            F.event("e-1", sequence: 1, at: 0, Self.caller(.setup), Self.alice(.setup)),
            F.event("e-2", sequence: 2, at: 0.5, Self.bob(.setup)),
            F.event("e-3", sequence: 3, at: 1, Self.carol(.setup)),
            F.event("e-4", sequence: 4, at: 8, Self.bob(.answered), Self.alice(.disconnected, reason: "Cancelled"), Self.carol(.disconnected, reason: "Cancelled")),
            F.event("e-5", sequence: 5, at: 68, Self.bob(.disconnected), Self.caller(.disconnected)),
        ]
        let ringing = F.fold(Array(events.prefix(4)))
        #expect(ringing.endedLegs.map(\.extensionID) == ["ext-101", "ext-103"])
        #expect(ringing.leg(of: "ext-102")?.inProgress == true)
        let call = F.fold(events)
        #expect(call.endedLegs.map(\.extensionID) == ["ext-101", "ext-102", "ext-103"])
        #expect(call.endedLegs.map(\.result) == [.missed, .answered, .missed])
        #expect(call.endedLegs.map(\.answeredElsewhere) == [true, false, true], "Alice and Carol only rang")
        #expect(call.endedLegs.map { LoggingPolicy().decide($0, defaultCountryCode: "1") == .skip(.answeredElsewhere) } == [true, false, true])
        #expect(call.leg(of: "ext-102")?.duration == 60)
        #expect(call.endedLegsChanged(since: ringing) == ["ext-102"])
        #expect(call.journey == ["Alice Agent: rang", "Bob Agent: answered", "Carol Agent: rang"])
    }

    /// Alice answers and parks Jane at 30 s (`Parked`); Bob picks the call up from park at 45 s and
    /// Alice's party goes (`Gone`/`Pickup`, as RingCentral describes a pickup from park); Jane hangs up at 100 s.
    @Test("park and pickup: the parking leg lasts until the pickup, the picking-up leg until hang-up")
    func parkAndPickup() throws {
        let events = [
            F.event("e-1", sequence: 1, at: 0, Self.caller(.setup), Self.alice(.setup)),
            F.event("e-2", sequence: 2, at: 5, Self.caller(.answered), Self.alice(.answered)),
            F.event("e-3", sequence: 3, at: 30, Self.alice(.parked)),
            F.event("e-4", sequence: 4, at: 45, Self.alice(.gone, reason: "Pickup"), Self.bob(.answered)),
            F.event("e-5", sequence: 5, at: 100, Self.bob(.disconnected), Self.caller(.disconnected)),
        ]
        #expect(F.fold(Array(events.prefix(3))).endedLegs.isEmpty, "a parked call is not over")
        let call = F.fold(events)
        #expect(call.endedLegs.map(\.extensionID) == ["ext-101", "ext-102"])
        #expect(call.endedLegs.map(\.duration) == [40, 55])
        #expect(call.journey == ["Alice Agent: answered, then Pickup", "Bob Agent: answered"])
        for order in F.permutations(events) {
            #expect(F.fold(order).endedLegs == call.endedLegs, "order \(order.map(\.id.rawValue))")
        }
    }

    /// Alice, talking with Jane, brings Bob in (a three-way conference): Bob's party joins at 20 s and
    /// leaves at 50 s; Alice and Jane hang up at 80 s.
    @Test("a three-way conference gives each extension that took part one leg of its own time on the call")
    func threeWayConference() {
        let events = [
            F.event("e-1", sequence: 1, at: 0, Self.caller(.setup), Self.alice(.setup)),
            F.event("e-2", sequence: 2, at: 5, Self.caller(.answered), Self.alice(.answered)),
            F.event("e-3", sequence: 3, at: 18, Self.bob(.setup)),
            F.event("e-4", sequence: 4, at: 20, Self.bob(.answered)),
            F.event("e-5", sequence: 5, at: 50, Self.bob(.disconnected)),
            F.event("e-6", sequence: 6, at: 80, Self.alice(.disconnected), Self.caller(.disconnected)),
        ]
        let call = F.fold(events)
        #expect(call.endedLegs.map(\.extensionID) == ["ext-101", "ext-102"])
        #expect(call.endedLegs.map(\.duration) == [75, 30])
        #expect(call.journey == ["Alice Agent: answered", "Bob Agent: answered"])
        let bobLeft = F.fold(Array(events.prefix(5)))
        #expect(bobLeft.endedLegs.map(\.extensionID) == ["ext-102"])
        #expect(bobLeft.leg(of: "ext-101")?.inProgress == true)
    }

    /// The queue rings Alice, then Bob, one after the other; nobody has answered when Alice stops ringing.
    @Test("a member who stopped ringing has no leg while the queue still looks for someone to answer")
    func queueStillRinging() {
        let events = [
            F.event("e-1", sequence: 1, at: 0, Self.caller(.setup), Self.alice(.setup)),
            F.event("e-2", sequence: 2, at: 20, Self.alice(.disconnected, reason: "Timeout"), Self.bob(.setup)),
            F.event("e-3", sequence: 3, at: 40, Self.bob(.disconnected, reason: "Timeout")),
            F.event("e-4", sequence: 4, at: 41, Self.caller(.disconnected)),
        ]
        #expect(F.fold(Array(events.prefix(2))).legs.isEmpty, "Alice's miss is not settled while the caller waits")
        #expect(F.fold(Array(events.prefix(3))).legs.isEmpty)
        let call = F.fold(events)
        #expect(call.isOver)
        #expect(call.endedLegs.map(\.extensionID) == ["ext-101", "ext-102"])
        #expect(call.endedLegs.allSatisfy { $0.result == .missed && !$0.answeredElsewhere }, "nobody answered: a missed call for each")
    }

    /// The queue rings its members one at a time (`queueCall`): Alice for 20 s, then Bob, who answers.
    /// RingCentral does not report the caller's party, so when Alice stops ringing every party it told
    /// of has ended; only the queue flag says that the call may still be answered.
    @Test("a queue member who stopped ringing waits while the queue may ring the next, and only rang once someone answers")
    func sequentialQueue() throws {
        let queued = { (party: PartyUpdate) -> PartyUpdate in
            var party = party
            party.queueCall = true
            return party
        }
        let events = [
            F.event("e-1", sequence: 1, at: 0, queued(Self.alice(.setup))),
            F.event("e-2", sequence: 3, at: 20, queued(Self.alice(.disconnected, reason: "Timeout"))),
            F.event("e-3", sequence: 4, at: 21, queued(Self.bob(.setup))),
            F.event("e-4", sequence: 6, at: 30, queued(Self.bob(.answered))),
            F.event("e-5", sequence: 8, at: 90, queued(Self.bob(.disconnected))),
        ]
        let aliceTimedOut = F.fold(Array(events.prefix(2)))
        #expect(!aliceTimedOut.isOver)
        #expect(aliceTimedOut.legs.isEmpty, "Alice's miss is not settled: the queue may still ring someone")
        let call = F.fold(events)
        #expect(call.endedLegs.map(\.extensionID) == ["ext-101", "ext-102"])
        #expect(call.leg(of: "ext-101")?.answeredElsewhere == true)
        #expect(call.leg(of: "ext-102")?.result == .answered)
        // Nobody answers: only the call log (events at the final sequence) says the call is over.
        let abandoned = F.fold(Array(events.prefix(3)) + [
            F.event("e-6", sequence: 5, at: 41, queued(Self.bob(.disconnected, reason: "Timeout"))),
            F.event("cl-1", sequence: TelephonyEvent.finalSequence, at: 41, queued(Self.alice(.disconnected))),
        ])
        #expect(abandoned.isOver)
        #expect(abandoned.endedLegs.map(\.result) == [.missed, .missed])
        #expect(abandoned.endedLegs.allSatisfy { !$0.answeredElsewhere })
    }

    /// Alice's desk phone and mobile app ring together; she answers on the mobile.
    @Test("one extension on several devices has one leg, the answered one")
    func severalDevices() throws {
        let desk = { (status: PartyStatusCode, reason: String?) in F.party(status, id: "p-desk", extension: "ext-101", reason: reason) }
        let mobile = { (status: PartyStatusCode) in F.party(status, id: "p-mobile", extension: "ext-101") }
        let events = [
            F.event("e-1", sequence: 1, at: 0, Self.caller(.setup), desk(.setup, nil), mobile(.setup)),
            F.event("e-2", sequence: 2, at: 6, desk(.disconnected, "Cancelled"), mobile(.answered), Self.caller(.answered)),
            F.event("e-3", sequence: 3, at: 66, mobile(.disconnected), Self.caller(.disconnected)),
        ]
        let call = F.fold(events)
        let leg = try #require(call.endedLegs.first)
        #expect(call.endedLegs.count == 1)
        #expect(leg.partyID == "p-mobile")
        #expect(leg.result == .answered && !leg.answeredElsewhere)
        #expect(leg.duration == 60)
        #expect(F.fold(Array(events.prefix(2))).leg(of: "ext-101")?.inProgress == true)
    }
}
