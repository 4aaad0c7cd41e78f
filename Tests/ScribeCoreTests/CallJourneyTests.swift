import Foundation
import ScribeCore
import Testing

@Suite("Call journey")
struct CallJourneyTests {
    typealias F = CallFixtures

    static let bob = CallEndpoint(phoneNumber: "+16505550102", name: "Bob Agent", extensionID: "ext-102")

    /// A queue call from Jane Doe rung on Bob (ext-102, party p-b, first) and Alice (ext-101, party p-a,
    /// a second later); Alice answers and Bob's phone stops ringing. The caller's own party has no extension.
    static let queueCall: [TelephonyEvent] = [
        F.event("e-1", sequence: 1, at: 0, F.party(.setup, id: "p-caller", extension: nil, direction: .outbound), F.party(.setup, id: "p-b", extension: "ext-102", to: bob)),
        F.event("e-2", sequence: 2, at: 1, F.party(.setup, id: "p-a", extension: "ext-101")),
        F.event("e-3", sequence: 3, at: 6, F.party(.answered, id: "p-a", extension: "ext-101"), F.party(.disconnected, id: "p-b", extension: "ext-102", to: bob, reason: "Cancelled")),
        F.event("e-4", sequence: 4, at: 66, F.party(.disconnected, id: "p-a", extension: "ext-101", reason: "CallFinished"), F.party(.disconnected, id: "p-caller", extension: nil, direction: .outbound)),
    ]

    @Test("is empty for a call with one extension, even rung on several devices")
    func oneExtensionSeveralDevices() {
        let call = F.fold([
            F.event("e-1", sequence: 1, at: 0, F.party(.setup, id: "p-desk"), F.party(.setup, id: "p-mobile")),
            F.event("e-2", sequence: 2, at: 5, F.party(.disconnected, id: "p-desk", reason: "Cancelled"), F.party(.answered, id: "p-mobile")),
        ])
        #expect(call.journey == [])
    }

    @Test("says 'missed' for every extension when nobody answered")
    func nobodyAnswered() {
        let call = F.fold([
            F.event("e-1", sequence: 1, at: 0, F.party(.setup, id: "p-1", extension: "ext-101"), F.party(.setup, id: "p-2", extension: "ext-102", to: CallEndpoint(name: "Bob Agent", extensionID: "ext-102"))),
            F.event("e-2", sequence: 2, at: 20, F.party(.disconnected, id: "p-1", extension: "ext-101"), F.party(.disconnected, id: "p-2", extension: "ext-102", to: CallEndpoint(name: "Bob Agent", extensionID: "ext-102"))),
        ])
        #expect(call.journey == ["Alice Agent: missed", "Bob Agent: missed"])
    }

    @Test("is empty for a call with one extension party")
    func singleParty() {
        #expect(F.fold(F.answeredCall).journey == [])
    }

    @Test("lists our extensions in the order they joined, whatever order the events came in; one that only rang while another answered 'rang'")
    func joinOrder() {
        for order in F.permutations(Self.queueCall) {
            #expect(F.fold(order).journey == ["Bob Agent: rang", "Alice Agent: answered"], "order \(order.map(\.id.rawValue))")
        }
    }

    @Test("tells voicemail, a transfer and an unnamed extension apart")
    func outcomes() {
        let carol = CallEndpoint(phoneNumber: "+16505550103", extensionID: "ext-103")
        let dave = CallEndpoint(extensionID: "ext-104")
        let call = F.fold([
            F.event("e-1", sequence: 1, at: 0, F.party(.answered, id: "p-1", extension: "ext-101")),
            F.event("e-2", sequence: 2, at: 1, F.party(.setup, id: "p-3", extension: "ext-103", to: carol)),
            F.event("e-3", sequence: 3, at: 2, F.party(.setup, id: "p-4", extension: "ext-104", to: dave)),
            F.event("e-4", sequence: 4, at: 30, F.party(.disconnected, id: "p-1", extension: "ext-101", reason: "BlindTransfer")),
            F.event("e-5", sequence: 5, at: 40, F.party(.voicemail, id: "p-3", extension: "ext-103", to: carol)),
            F.event("e-6", sequence: 6, at: 60, F.party(.disconnected, id: "p-3", extension: "ext-103", to: carol, reason: "Voicemail"), F.party(.disconnected, id: "p-4", extension: "ext-104", to: dave)),
        ])
        #expect(call.journey == ["Alice Agent: answered, then BlindTransfer", "+16505550103: voicemail", "extension ext-104: rang"])
    }

    @Test("the record shows the journey as one section, a line a party")
    func inRecord() {
        let call = F.fold(Self.queueCall)
        let leg = call.endedLegs[0]
        let composed = LogFixtures.compose(leg: leg, content: CallLogContent(), journey: call.journey)
        #expect(composed.sections.last { $0.artifact == .callJourney }?.section == RecordSection("Call journey", "Bob Agent: rang\nAlice Agent: answered"))
    }
}
