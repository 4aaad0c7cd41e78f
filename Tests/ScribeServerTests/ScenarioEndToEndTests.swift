import Foundation
import ScribeApp
import ScribeDemo
import ScribeSandbox
import Testing

/// Every call shape of RingCentral issue 4, item 3, replayed from its scenario file through the
/// sandbox phone system, Callscribe and the sandbox HubSpot over real HTTP: who gets a CRM record,
/// with which contact and result, and which journey. The expectations are what a user of a call
/// logger expects.
@Suite("Call shapes end to end, from scenario files")
struct ScenarioEndToEndTests {
    typealias O = ScenarioOutcomes

    @Test("answered: the extension that answered gets one record, answered, with the talk time and no journey")
    func answered() async throws {
        let outcomes = try await O.play(["answered.yaml"])
        #expect(outcomes.keys.sorted() == ["answered/101"])
        let ada = try #require(outcomes["answered/101"])
        #expect(ada.state == "logged")
        #expect(ada.contactName == O.customerName(1))
        #expect(ada.crmStatus == "COMPLETED")
        #expect(ada.crmDirection == "INBOUND")
        #expect(ada.crmDurationSeconds == 60)
        #expect(ada.journey.isEmpty, "one person took the call: there is no journey to tell")
    }

    @Test("missed: the extension it rang gets one record, no answer")
    func missed() async throws {
        let outcomes = try await O.play(["missed.yaml"])
        #expect(outcomes.keys.sorted() == ["missed/102"])
        let ben = try #require(outcomes["missed/102"])
        #expect(ben.state == "logged")
        #expect(ben.contactName == O.customerName(2))
        #expect(ben.crmStatus == "NO_ANSWER")
        #expect(ben.crmDurationSeconds == 0)
        #expect(ben.title?.hasPrefix("Missed call from") == true)
    }

    @Test("voicemail: the extension gets one record saying the caller left a voicemail")
    func voicemail() async throws {
        let outcomes = try await O.play(["voicemail.yaml"])
        #expect(outcomes.keys.sorted() == ["voicemail/103"])
        let chloe = try #require(outcomes["voicemail/103"])
        #expect(chloe.state == "logged")
        #expect(chloe.contactName == O.customerName(3))
        #expect(chloe.title?.hasPrefix("Voicemail from") == true)
    }

    @Test("answered elsewhere: an extension rung on two devices and answered on one gets one record, answered")
    func answeredElsewhere() async throws {
        let outcomes = try await O.play(["answered-elsewhere.yaml"])
        #expect(outcomes.keys.sorted() == ["answered-elsewhere/101"])
        let ada = try #require(outcomes["answered-elsewhere/101"])
        #expect(ada.state == "logged")
        #expect(ada.contactName == O.customerName(4))
        #expect(ada.crmStatus == "COMPLETED")
        #expect(ada.crmDurationSeconds == 60)
    }

    @Test("answered elsewhere: the record tells no journey of one person's devices")
    func answeredElsewhereJourney() async throws {
        let outcomes = try await O.play(["answered-elsewhere.yaml"])
        let ada = try #require(outcomes["answered-elsewhere/101"])
        #expect(ada.journey.isEmpty, "the device that stopped ringing is not a step of the call: \(ada.journey)")
    }

    @Test("blind transfer: both extensions get a record for the customer, each with its own talk time, and the journey from Ada to Ben")
    func blindTransfer() async throws {
        let outcomes = try await O.play(["blind-transfer.yaml"])
        #expect(outcomes.keys.sorted() == ["blind-transfer/101", "blind-transfer/102"])
        let ada = try #require(outcomes["blind-transfer/101"])
        let ben = try #require(outcomes["blind-transfer/102"])
        for outcome in [ada, ben] {
            #expect(outcome.state == "logged")
            #expect(outcome.contactName == O.customerName(5))
            #expect(outcome.crmStatus == "COMPLETED")
            #expect(outcome.journey.count == 2)
            #expect(outcome.journey.first?.hasPrefix("Ada Park: answered") == true)
            #expect(outcome.journey.last == "Ben Ortiz: answered")
        }
        #expect(ada.crmDurationSeconds == 26)
        #expect(ben.crmDurationSeconds == 60)
    }

    @Test("attended transfer: Ada and Ben each get one record for the customer; the consultation between them is not a customer call")
    func attendedTransfer() async throws {
        let outcomes = try await O.play(["attended-transfer.yaml"])
        let logged = outcomes.values.filter { $0.crmStatus != nil }
        #expect(logged.map(\.key).map { $0.split(separator: "/").last.map(String.init) ?? "" }.sorted() == ["101", "102"], "\(logged)")
        for outcome in logged {
            #expect(outcome.contactName == O.customerName(6))
            #expect(outcome.crmStatus == "COMPLETED")
            #expect(outcome.journey.first?.hasPrefix("Ada Park: answered") == true)
            #expect(outcome.journey.last?.hasPrefix("Ben Ortiz: answered") == true)
        }
    }

    @Test("call queue: the agent who answered gets a record; members who only rang get none (their logs say it was answered elsewhere)")
    func callQueue() async throws {
        let outcomes = try await O.play(["call-queue.yaml"])
        let logged = outcomes.values.filter { $0.crmStatus != nil }.map(\.key)
        #expect(logged == ["call-queue/102"], "\(outcomes.values.map(\.description))")
        for member in outcomes.values where member.key != "call-queue/102" {
            #expect(member.state == "skipped" && member.skipReason == "answered_elsewhere", "a member who only rang: \(member)")
        }
        let ben = try #require(outcomes["call-queue/102"])
        #expect(ben.state == "logged")
        #expect(ben.contactName == O.customerName(7))
        #expect(ben.crmStatus == "COMPLETED")
        #expect(ben.crmDurationSeconds == 60)
        #expect(ben.journey.allSatisfy { !$0.contains("missed") }, "ringing members rang, they did not miss the call: \(ben.journey)")
        #expect(ben.journey.contains("Ben Ortiz: answered"))
    }

    @Test("park and pickup: the parking extension's record lasts until the pickup, the picking-up extension's until hang-up")
    func parkAndPickup() async throws {
        let outcomes = try await O.play(["park-and-pickup.yaml"])
        #expect(outcomes.keys.sorted() == ["park-and-pickup/101", "park-and-pickup/102"])
        let ada = try #require(outcomes["park-and-pickup/101"])
        let ben = try #require(outcomes["park-and-pickup/102"])
        for outcome in [ada, ben] {
            #expect(outcome.state == "logged")
            #expect(outcome.contactName == O.customerName(8))
            #expect(outcome.crmStatus == "COMPLETED")
            #expect(outcome.journey.first?.hasPrefix("Ada Park: answered") == true)
            #expect(outcome.journey.last == "Ben Ortiz: answered")
        }
        #expect(ada.crmDurationSeconds == 41)
        #expect(ben.crmDurationSeconds == 55)
    }

    @Test("conference: Ada and Ben each get one record for the customer, none for the bridge's or the consultation's own sessions")
    func conference() async throws {
        let outcomes = try await O.play(["conference.yaml"])
        let logged = outcomes.values.filter { $0.crmStatus != nil }
        let byExtension = Dictionary(grouping: logged) { $0.key.split(separator: "/").last.map(String.init) ?? "" }
        #expect(byExtension.keys.sorted() == ["101", "102"], "\(logged)")
        #expect(byExtension.values.allSatisfy { $0.count == 1 }, "one record per person for one conversation: \(logged)")
        for outcome in logged {
            #expect(outcome.contactName == O.customerName(9))
            #expect(outcome.crmStatus == "COMPLETED")
        }
    }

    @Test("internal call by extension number: recognised as internal, so neither extension's log reaches the CRM")
    func internalCall() async throws {
        let outcomes = try await O.play(["internal-call.yaml"])
        #expect(outcomes.keys.sorted() == ["internal-call/101", "internal-call/102"])
        for outcome in outcomes.values {
            #expect(outcome.state == "skipped")
            #expect(outcome.skipReason == "internal_call")
            #expect(outcome.crmStatus == nil)
        }
    }

    /// The shapes whose outcome is right today, and the ones waiting for the core: identical
    /// outcomes are asked of all of them, right or not.
    static let allShapes = [
        "answered.yaml", "missed.yaml", "voicemail.yaml", "answered-elsewhere.yaml", "blind-transfer.yaml", "attended-transfer.yaml",
        "call-queue.yaml", "park-and-pickup.yaml", "conference.yaml", "internal-call.yaml",
    ]

    /// The grace period is long enough here for every delivery to land within it: this is about order
    /// and duplicates. Events later than the grace period are the next test's.
    @Test("every shape delivered with 30% duplicates in a shuffled order gives exactly the logs and records of an orderly delivery")
    func scrambledEqualsOrderly() async throws {
        let orderly = try await O.play(Self.allShapes, graceMilliseconds: 3000)
        let scrambled = try await O.play(Self.allShapes, delivery: .scrambled(duplicates: 0.3, seed: 30), graceMilliseconds: 3000)
        #expect(orderly.count >= 12, "every shape left logs: \(orderly.keys.sorted())")
        #expect(scrambled.keys.sorted() == orderly.keys.sorted())
        for key in orderly.keys.sorted() {
            #expect(scrambled[key] == orderly[key], "\(key)")
        }
    }

    @Test("an event that arrives after a record was written and changes the journey updates that record")
    func lateEventUpdatesJourney() async throws {
        let scenario = try O.load("park-and-pickup.yaml")
        let outcomes = try await StackHarness.withStack(settings: [Setting.gracePeriod.name: "200"]) { stack in
            try await O.waitForFirstSweep(stack)
            let start = Date().addingTimeInterval(-300)
            let session = try #require(try stack.phone.place(scenario, startingAt: start).first)
            // Everything but Ada's Gone (Pickup) first: Ben's part ends and his record is written...
            let pickup = try #require(session.changes.first { $0.code == "Gone" })
            var early = session
            early.changes.removeAll { $0 == pickup }
            await stack.phone.deliver([early], delivery: nil, start: start, realTime: false)
            try await StackHarness.eventually("Ben's record is written") { !stack.crm.calls.isEmpty }
            // ...then the pickup arrives late, as RingCentral's unordered webhooks allow.
            var late = session
            late.changes = [pickup]
            await stack.phone.deliver([late], delivery: nil, start: start, realTime: false)
            return try await O.settledOutcomes(stack, sessions: [session])
        }
        let ben = try #require(outcomes["park-and-pickup/102"])
        #expect(ben.journey == ["Ada Park: answered, then Pickup", "Ben Ortiz: answered"])
    }
}
