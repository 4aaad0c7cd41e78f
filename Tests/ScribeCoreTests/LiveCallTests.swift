import Foundation
import ScribeCore
import Testing

@Suite("Live calls")
struct LiveCallTests {
    typealias F = CallFixtures

    @Test("a ringing call is live for its extension, not yet answered")
    func ringing() throws {
        let call = F.fold([F.event("e-1", sequence: 1, at: 0, F.party(.setup)), F.event("e-2", sequence: 2, at: 1, F.party(.proceeding))])
        let live = try #require(call.liveCalls.first)
        #expect(call.liveCalls.count == 1)
        #expect(live.sessionID == "s-1")
        #expect(live.extensionID == "ext-101")
        #expect(live.direction == .inbound)
        #expect(live.counterpart == "+14155550123")
        #expect(live.startedAt == F.t0)
        #expect(!live.answered)
    }

    @Test("an answered call is live and answered")
    func answered() throws {
        let call = F.fold(Array(F.answeredCall.prefix(3)))
        let live = try #require(call.liveCalls.first)
        #expect(call.liveCalls.count == 1)
        #expect(live.answered)
        #expect(live.startedAt == F.t0)
    }

    @Test("an ended call is not live")
    func ended() {
        #expect(F.fold(F.answeredCall).liveCalls.isEmpty)
    }

    @Test("of a ring group, only the extensions whose party has not ended are live, in extension order; parties without an extension are not")
    func ringGroup() {
        let caller = F.party(.answered, id: "p-0", extension: nil)
        let call = F.fold([
            F.event("e-1", sequence: 1, at: 0, caller, F.party(.setup, id: "p-3", extension: "ext-103"), F.party(.setup, id: "p-2", extension: "ext-102")),
            F.event("e-2", sequence: 2, at: 2, F.party(.setup, id: "p-1", extension: "ext-101")),
            F.event("e-3", sequence: 3, at: 4, F.party(.answered, id: "p-3", extension: "ext-103")),
            F.event("e-4", sequence: 4, at: 4, F.party(.disconnected, id: "p-2", extension: "ext-102", reason: "Cancelled")),
        ])
        let live = call.liveCalls
        #expect(live.map(\.extensionID) == ["ext-101", "ext-103"])
        #expect(live.map(\.answered) == [false, true])
        #expect(live.map(\.startedAt) == [F.t0.addingTimeInterval(2), F.t0])
    }

    @Test("an extension on the call from two devices is one live call, from its earliest party")
    func twoDevices() throws {
        let call = F.fold([
            F.event("e-1", sequence: 1, at: 3, F.party(.setup, id: "p-2")),
            F.event("e-2", sequence: 2, at: 1, F.party(.setup, id: "p-1")),
        ])
        let live = try #require(call.liveCalls.first)
        #expect(call.liveCalls.count == 1)
        #expect(live.startedAt == F.t0.addingTimeInterval(1))
    }

    @Test("an outbound call's counterpart is the called number; without a number, its name; without either, 'unknown'")
    func counterpart() {
        let outbound = F.fold([
            F.event(
                "e-1", sequence: 1, at: 0,
                F.party(.setup, direction: .outbound, from: F.companyLine, to: CallEndpoint(phoneNumber: "+12125550199", name: "Bob Stone"))
            )
        ])
        #expect(outbound.liveCalls.map(\.counterpart) == ["+12125550199"])
        #expect(outbound.liveCalls.map(\.direction) == [.outbound])

        let named = F.fold([F.event("e-1", sequence: 1, at: 0, F.party(.setup, from: CallEndpoint(name: "Front Desk")))])
        #expect(named.liveCalls.map(\.counterpart) == ["Front Desk"])

        let anonymous = F.fold([F.event("e-1", sequence: 1, at: 0, F.party(.setup, from: CallEndpoint()))])
        #expect(anonymous.liveCalls.map(\.counterpart) == ["unknown"])
    }
}
