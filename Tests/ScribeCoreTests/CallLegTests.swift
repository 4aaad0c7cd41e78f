import Foundation
import ScribeCore
import Testing

@Suite("CallLeg")
struct CallLegTests {
    typealias F = CallFixtures

    @Test("talk time runs from answer to hang-up")
    func duration() {
        #expect(F.leg(answeredFor: 42).duration == 42)
        #expect(F.leg(answeredFor: nil).duration == 0)
    }

    @Test("the counterpart is the caller on inbound calls and the callee on outbound ones")
    func counterpart() {
        let customer = CallEndpoint(phoneNumber: "+14155550123", name: "Jane Doe")
        let inbound = F.leg(direction: .inbound, counterpart: customer)
        #expect(inbound.counterpart == customer)
        #expect(inbound.ownEndpoint.extensionID == "ext-101")
        let outbound = F.leg(direction: .outbound, counterpart: customer)
        #expect(outbound.counterpart == customer)
        #expect(outbound.from.extensionID == "ext-101")
        #expect(outbound.ownEndpoint.extensionID == "ext-101")
    }

    @Test("is internal when the other side is an extension or a short extension number")
    func internalCalls() {
        #expect(F.leg(counterpart: CallEndpoint(phoneNumber: "+16505550100", extensionID: "ext-102")).isInternal)
        #expect(F.leg(counterpart: CallEndpoint(phoneNumber: "102")).isInternal)
        #expect(!F.leg(counterpart: CallEndpoint(phoneNumber: "+14155550123")).isInternal)
        #expect(!F.leg(counterpart: CallEndpoint(phoneNumber: nil)).isInternal)
    }
}
