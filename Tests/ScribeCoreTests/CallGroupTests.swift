import Foundation
import ScribeCore
import Testing

/// Conversations that span telephony sessions: a party `Gone` with a `peerId` joins its session to
/// another. Shapes as RingCentral reports them: an attended transfer completes with the transferring
/// agent's parties `Gone`/`AttendedTransfer` in both the customer's and the consultation session; a
/// merge into a conference moves the parties to a new session whose origin is a conference.
@Suite("Call groups")
struct CallGroupTests {
    typealias F = CallFixtures

    static let customerSession: TelephonySessionID = "s-customer"
    static let consultSession: TelephonySessionID = "s-consult"
    static let conferenceSession: TelephonySessionID = "s-conference"
    static let alice = CallEndpoint(phoneNumber: "101", name: "Alice Agent", extensionID: "ext-101")
    static let bob = CallEndpoint(phoneNumber: "102", name: "Bob Agent", extensionID: "ext-102")
    static let bridge = CallEndpoint(name: "Conference")

    static func caller(_ status: PartyStatusCode, peer: TelephonySessionID? = nil) -> PartyUpdate {
        PartyUpdate(partyID: "p-jane", extensionID: nil, direction: .outbound, from: F.caller, to: F.companyLine, status: status, peerSessionID: peer)
    }

    static func party(
        _ id: PartyID, _ status: PartyStatusCode, ext: ExtensionID, direction: CallDirection = .inbound, from: CallEndpoint, to: CallEndpoint,
        reason: String? = nil, peer: TelephonySessionID? = nil
    ) -> PartyUpdate {
        PartyUpdate(partyID: id, extensionID: ext, direction: direction, from: from, to: to, status: status, reason: reason, peerSessionID: peer)
    }

    /// Jane calls Alice (answered at 5 s); Alice holds her at 20 s and calls Bob on a new session
    /// (Bob answers at 25 s); at 50 s Alice completes the transfer and leaves both sessions; Bob and
    /// Jane talk until Bob hangs up at 110 s.
    static let customerCall: [TelephonyEvent] = [
        F.event("c-1", session: customerSession, sequence: 1, at: 0, caller(.setup), party("p-a1", .setup, ext: "ext-101", from: F.caller, to: F.companyLine)),
        F.event("c-2", session: customerSession, sequence: 2, at: 5, caller(.answered), party("p-a1", .answered, ext: "ext-101", from: F.caller, to: F.companyLine)),
        F.event("c-3", session: customerSession, sequence: 3, at: 20, party("p-a1", .hold, ext: "ext-101", from: F.caller, to: F.companyLine)),
        F.event(
            "c-4", session: customerSession, sequence: 4, at: 50,
            party("p-a1", .gone, ext: "ext-101", from: F.caller, to: F.companyLine, reason: "AttendedTransfer", peer: consultSession)
        ),
        F.event("c-5", session: customerSession, sequence: 5, at: 110, caller(.disconnected)),
    ]
    static let consultation: [TelephonyEvent] = [
        F.event(
            "k-1", session: consultSession, sequence: 1, at: 21, party("p-a2", .setup, ext: "ext-101", direction: .outbound, from: alice, to: bob),
            party("p-b2", .setup, ext: "ext-102", from: alice, to: bob)
        ),
        F.event(
            "k-2", session: consultSession, sequence: 2, at: 25, party("p-a2", .answered, ext: "ext-101", direction: .outbound, from: alice, to: bob),
            party("p-b2", .answered, ext: "ext-102", from: alice, to: bob)
        ),
        F.event(
            "k-3", session: consultSession, sequence: 3, at: 50,
            party("p-a2", .gone, ext: "ext-101", direction: .outbound, from: alice, to: bob, reason: "AttendedTransfer", peer: customerSession)
        ),
        F.event("k-4", session: consultSession, sequence: 4, at: 110, party("p-b2", .disconnected, ext: "ext-102", from: alice, to: bob)),
    ]

    @Test("an attended transfer logs Alice's talk with Jane once, and Bob's as a call with Jane, not with Alice")
    func attendedTransfer() throws {
        let group = CallGroup([F.fold(Self.customerCall), F.fold(Self.consultation)])
        let alice = try #require(group.leg(of: "ext-101", in: Self.customerSession))
        #expect(alice.continuesSession == nil)
        #expect(alice.counterpart == F.caller)
        #expect(alice.duration == 45)
        let aliceConsulting = try #require(group.leg(of: "ext-101", in: Self.consultSession))
        #expect(aliceConsulting.continuesSession == Self.customerSession, "her consultation is part of the customer call")
        #expect(LoggingPolicy().decide(aliceConsulting, defaultCountryCode: "1") == .skip(.partOfAnotherCall))
        let bob = try #require(group.leg(of: "ext-102", in: Self.consultSession))
        #expect(bob.counterpart == F.caller, "Bob talked with Jane")
        #expect(!bob.isInternal)
        #expect(bob.result == .answered)
        #expect(bob.duration == 85)
        #expect(LoggingPolicy().decide(bob, defaultCountryCode: "1") == .lookUpContact(try #require(PhoneNumber(parsing: "+14155550123", defaultCountryCode: "1"))))
        #expect(group.journey == ["Alice Agent: answered, then AttendedTransfer", "Bob Agent: answered"])
    }

    @Test("the consultation on its own, before the transfer links it, is an internal call")
    func consultationAlone() throws {
        let consultation = F.fold(Array(Self.consultation.prefix(2)))
        let bob = try #require(CallGroup([consultation]).leg(of: "ext-102", in: Self.consultSession))
        #expect(bob.isInternal)
        #expect(bob.inProgress)
        #expect(F.fold(Self.consultation).peerSessionIDs == [Self.customerSession])
    }

    @Test("the sessions' events in any order give the same legs")
    func orderFree() throws {
        let expected = CallGroup([F.fold(Self.customerCall), F.fold(Self.consultation)])
        for (customer, consult) in zip(F.permutations(Self.customerCall).prefix(24), F.permutations(Self.consultation).reversed().prefix(24)) {
            let group = CallGroup([F.fold(consult), F.fold(customer)])
            for (ext, session) in [("ext-101", Self.customerSession), ("ext-101", Self.consultSession), ("ext-102", Self.consultSession)] as [(ExtensionID, TelephonySessionID)] {
                #expect(group.leg(of: ext, in: session) == expected.leg(of: ext, in: session))
            }
        }
    }

    /// Jane and Alice talk from 5 s; at 60 s Alice merges Bob in: her party and Jane's leave for a
    /// conference session, where Bob answers at 62 s; everyone leaves at 120 s.
    static let beforeConference: [TelephonyEvent] = [
        F.event("c-1", session: customerSession, sequence: 1, at: 0, caller(.setup), party("p-a1", .setup, ext: "ext-101", from: F.caller, to: F.companyLine)),
        F.event("c-2", session: customerSession, sequence: 2, at: 5, caller(.answered), party("p-a1", .answered, ext: "ext-101", from: F.caller, to: F.companyLine)),
        F.event(
            "c-3", session: customerSession, sequence: 3, at: 60, caller(.gone, peer: conferenceSession),
            party("p-a1", .gone, ext: "ext-101", from: F.caller, to: F.companyLine, reason: "Conference", peer: conferenceSession)
        ),
    ]
    static let conference: [TelephonyEvent] = [
        F.event(
            "f-1", session: conferenceSession, sequence: 1, at: 60, party("p-a3", .answered, ext: "ext-101", direction: .outbound, from: alice, to: bridge),
            party("p-b3", .setup, ext: "ext-102", from: bridge, to: bob)
        ),
        F.event("f-2", session: conferenceSession, sequence: 2, at: 62, party("p-b3", .answered, ext: "ext-102", from: bridge, to: bob)),
        F.event(
            "f-3", session: conferenceSession, sequence: 3, at: 120, party("p-a3", .disconnected, ext: "ext-101", direction: .outbound, from: alice, to: bridge),
            party("p-b3", .disconnected, ext: "ext-102", from: bridge, to: bob)
        ),
    ]

    @Test("a conference: Alice's log runs from Jane's call to the conference's end, Bob's is a call with Jane")
    func conferenceLegs() throws {
        let group = CallGroup([F.fold(Self.conference), F.fold(Self.beforeConference)])
        let alice = try #require(group.leg(of: "ext-101", in: Self.customerSession))
        #expect(alice.counterpart == F.caller)
        #expect(alice.duration == 115)
        #expect(!alice.inProgress)
        #expect(group.leg(of: "ext-101", in: Self.conferenceSession)?.continuesSession == Self.customerSession)
        let bob = try #require(group.leg(of: "ext-102", in: Self.conferenceSession))
        #expect(bob.continuesSession == nil)
        #expect(bob.counterpart == F.caller)
        #expect(bob.duration == 58)
        #expect(group.journey == ["Alice Agent: answered, then Conference", "Bob Agent: answered"], "one line per person")
    }

    @Test("while the conference goes on, Alice's leg is in progress")
    func conferenceInProgress() throws {
        let group = CallGroup([F.fold(Array(Self.conference.prefix(2))), F.fold(Self.beforeConference)])
        #expect(try #require(group.leg(of: "ext-101", in: Self.customerSession)).inProgress)
        #expect(F.fold(Self.beforeConference).endedLegs.map(\.extensionID) == ["ext-101"], "on its own the customer session has ended for Alice")
    }
}
