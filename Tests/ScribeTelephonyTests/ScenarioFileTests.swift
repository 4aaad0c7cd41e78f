import AsyncHTTPClient
import Foundation
import Logging
import ScribeCore
@testable import ScribeSandbox
import ScribeTelephony
import Testing

/// Scenario files: read from YAML or JSON, checked field by field, and turned into exactly what
/// RingCentral sends (read back here with Callscribe's own webhook parser and call-log model).
@Suite("Scenario files")
struct ScenarioFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios", isDirectory: true)
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func sandbox() throws -> PhoneSystemSandbox {
        try PhoneSystemSandbox(company: SandboxCompany(), httpClient: HTTPClient.shared, logger: Logger(label: "test"))
    }

    static func sessions(_ file: String) throws -> [ScenarioSession] {
        try self.sandbox().place(try Scenario.load(contentsOf: self.folder.appendingPathComponent(file)), startingAt: self.start)
    }

    /// The notifications of `session` as Callscribe's parser reads them.
    static func events(_ session: ScenarioSession) throws -> [TelephonyEvent] {
        try session.notifiedChanges.map { change in
            let notification = SandboxNotification(session: session, change: change, accountID: "400123456008", subscriptionID: "sub-1")
            return try TelephonyEventParser().parse(try JSONEncoder().encode(notification))
        }
    }

    @Test("every example scenario file loads and plays on the sandbox company, one session per call")
    func examplesLoad() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
        #expect(files.count >= 11)
        for file in files {
            let scenario = try Scenario.load(contentsOf: Self.folder.appendingPathComponent(file))
            let sessions = try Self.sandbox().place(scenario, startingAt: Self.start)
            #expect(sessions.map(\.callID) == scenario.calls.map(\.id), "\(file)")
            #expect(sessions.map(\.changes.count) == scenario.calls.map { $0.parties.map(\.timeline.count).reduce(0, +) }, "\(file)")
        }
    }

    @Test("YAML and JSON spell the same scenario")
    func yamlAndJSON() throws {
        let yaml = """
            name: Missed
            calls:
              - id: missed
                from: {customer: 2}
                to: {extension: "Ben Ortiz"}
                parties:
                  - id: ben
                    extension: "102"
                    timeline:
                      - {at: 0, status: Setup}
                      - {at: 20, status: Disconnected}
            """
        let json = """
            {"name": "Missed", "calls": [{"id": "missed", "from": {"customer": 2}, "to": {"extension": "Ben Ortiz"},
              "parties": [{"id": "ben", "extension": "102", "timeline": [{"at": 0, "status": "Setup"}, {"at": 20, "status": "Disconnected"}]}]}]}
            """
        let fromYAML = try Scenario.decodeYAML(yaml)
        #expect(fromYAML == (try Scenario.decodeJSON(Data(json.utf8))))
        #expect(fromYAML.calls[0].parties[0].timeline.map(\.status) == ["Setup", "Disconnected"])
    }

    @Test("a scenario that cannot be played is refused with the field at fault")
    func refusals() throws {
        func field(_ yaml: String) -> String? {
            do {
                _ = try Self.sandbox().place(try Scenario.decodeYAML(yaml), startingAt: Self.start)
                return nil
            } catch let error as ScenarioError {
                return error.field
            } catch {
                return "\(error)"
            }
        }
        let party = "parties: [{id: ada, extension: \"101\", timeline: [{at: 0, status: Setup}, {at: 5, status: Disconnected}]}]"
        #expect(field("name: x\ncalls: [{id: a, from: {customer: 1}, to: {extension: \"101\"}, \(party)}]") == nil)
        #expect(field("name: x\ncalls: [{id: a, from: {customer: 1}, to: {extension: \"199\"}, \(party)}]") == "calls[0].to.extension")
        #expect(field("name: x\ncalls: [{id: a, to: {extension: \"101\"}, \(party)}]") == "calls[0].from")
        #expect(field("name: x\ncalls: [{id: a, from: {number: \"555\"}, to: {extension: \"101\"}, \(party)}]") == "calls[0].from.number")
        let unfinished = "parties: [{id: ada, extension: \"101\", timeline: [{at: 0, status: Setup}, {at: 5, status: Answered}]}]"
        #expect(field("name: x\ncalls: [{id: a, from: {customer: 1}, to: {extension: \"101\"}, \(unfinished)}]") == "calls[0].parties[0].timeline[1].status")
        let backwards = "parties: [{id: ada, extension: \"101\", timeline: [{at: 5, status: Setup}, {at: 1, status: Disconnected}]}]"
        #expect(field("name: x\ncalls: [{id: a, from: {customer: 1}, to: {extension: \"101\"}, \(backwards)}]") == "calls[0].parties[0].timeline[1].at")
        let badPeer = "parties: [{id: ada, extension: \"101\", timeline: [{at: 0, status: Gone, peer: {call: b, party: x}}]}]"
        #expect(field("name: x\ncalls: [{id: a, from: {customer: 1}, to: {extension: \"101\"}, \(badPeer)}]") == "calls[0].parties[0].timeline[0].peer.call")
        #expect(field("name: x\ndelivery: {duplicates: 2}\ncalls: [{id: a, from: {customer: 1}, to: {extension: \"101\"}, \(party)}]") == "delivery.duplicates")
    }

    @Test("one notification per status change of the company's parties: the changed party, numbered by the session's sequence, with its own uuid")
    func notifications() throws {
        let session = try #require(try Self.sessions("blind-transfer.yaml").first)
        let events = try Self.events(session)
        // The outside caller's three changes take sequence numbers but are never notified.
        #expect(session.changes.count == 11)
        #expect(events.count == 8)
        #expect(events.map(\.sequence) == events.map(\.sequence).sorted())
        #expect(Set(events.map(\.sequence)).count == events.count)
        #expect(Set(events.map(\.id)).count == events.count)
        #expect(events.allSatisfy { $0.parties.count == 1 && $0.sessionID.rawValue == session.telephonySessionID })
        let transfer = try #require(events.first { $0.parties[0].reason == "BlindTransfer" })
        #expect(transfer.parties[0].status == .disconnected)
        #expect(transfer.parties[0].extensionID == "63011000")
        let ben = try #require(events.last)
        #expect(ben.parties[0].extensionID == "63011001")
        #expect(ben.parties[0].from.phoneNumber == SandboxCompany().customers[5].phoneNumber)
        #expect(ben.parties[0].to.name == "Ben Ortiz")
        // Folded, the call is Ada's answered leg up to the transfer and Ben's after it.
        var call = Call(sessionID: TelephonySessionID(session.telephonySessionID), accountID: "400123456008")
        for event in events { call.apply(event) }
        #expect(call.endedLegs.map(\.duration) == [26, 60])
    }

    @Test("Gone carries the peer of the cross call, a queue's parties say queueCall, an internal call shows extension numbers")
    func partyDetails() throws {
        let transfer = try Self.sessions("attended-transfer.yaml")
        let gone = try #require(transfer[0].notifiedChanges.first { $0.code == "Gone" })
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: try JSONEncoder().encode(SandboxNotification(session: transfer[0], change: gone, accountID: "1", subscriptionID: "s"))
            ) as? [String: Any]
        )
        let party = try #require(((json["body"] as? [String: Any])?["parties"] as? [[String: Any]])?.first)
        let peer = try #require((party["status"] as? [String: Any])?["peerId"] as? [String: String])
        #expect(peer["telephonySessionId"] == transfer[1].telephonySessionID)
        #expect(peer["partyId"] == transfer[1].parties[1].partyID)

        let queue = try #require(try Self.sessions("call-queue.yaml").first)
        #expect(queue.parties.allSatisfy { $0.queueCall })
        let internalCall = try #require(try Self.sessions("internal-call.yaml").first)
        let events = try Self.events(internalCall)
        let benAnswered = try #require(events.first { $0.parties[0].extensionID == "63011001" && $0.parties[0].status == .answered })
        #expect(benAnswered.parties[0].from.phoneNumber == "101")
        #expect(benAnswered.parties[0].direction == .inbound)
        let adaAnswered = try #require(events.first { $0.parties[0].extensionID == "63011000" && $0.parties[0].status == .answered })
        #expect(adaAnswered.parties[0].to.phoneNumber == "102")
        #expect(adaAnswered.parties[0].direction == .outbound)
    }

    @Test("the delivery plan: about the fraction of duplicates asked, every notification at least once, the same order for the same seed")
    func deliveryPlan() throws {
        let files = ["blind-transfer.yaml", "call-queue.yaml", "park-and-pickup.yaml", "conference.yaml", "attended-transfer.yaml"]
        let sessions = try files.flatMap { try Self.sessions($0) }
        let total = sessions.map(\.notifiedChanges.count).reduce(0, +)
        func notified(_ plan: ScenarioDeliveryPlan) -> [ScenarioDeliveryPlan.Action] {
            plan.steps.map(\.action).filter { if case .notify = $0 { true } else { false } }
        }
        let orderly = ScenarioDeliveryPlan(sessions: sessions, delivery: nil, start: Self.start, realTime: false, insightsDelay: 0)
        #expect(notified(orderly).count == total)
        let scrambled = ScenarioDeliveryPlan(sessions: sessions, delivery: .scrambled(duplicates: 0.3, seed: 30), start: Self.start, realTime: false, insightsDelay: 0)
        let copies = notified(scrambled)
        #expect(Set(copies) == Set(notified(orderly)), "every notification is delivered")
        #expect((Double(copies.count - total) / Double(total) - 0.3).magnitude < 0.15, "\(copies.count - total) duplicates of \(total)")
        #expect(copies != notified(orderly), "shuffled")
        #expect(scrambled == ScenarioDeliveryPlan(sessions: sessions, delivery: .scrambled(duplicates: 0.3, seed: 30), start: Self.start, realTime: false, insightsDelay: 0))
        #expect(scrambled != ScenarioDeliveryPlan(sessions: sessions, delivery: .scrambled(duplicates: 0.3, seed: 31), start: Self.start, realTime: false, insightsDelay: 0))
    }

    @Test("faults and delays land at their seconds in a real-time plan")
    func realTimeFaults() throws {
        let scenario = try Scenario.load(contentsOf: Self.folder.appendingPathComponent("unreliable-network.json"))
        let sessions = try Self.sandbox().place(scenario, startingAt: Self.start)
        let plan = ScenarioDeliveryPlan(sessions: sessions, delivery: scenario.delivery, start: Self.start, realTime: true, insightsDelay: 0)
        #expect(plan.steps.map(\.offset) == plan.steps.map(\.offset).sorted())
        #expect(plan.steps.first { $0.action == .expireTokens }?.offset == 20)
        #expect(plan.steps.first { $0.action == .failDeliveries(2) }?.offset == 10)
        #expect(plan.steps.first { $0.action == .rateLimit(requests: 5, retryAfter: 2) }?.offset == 25)
        let first = try #require(plan.steps.first { if case .notify = $0.action { true } else { false } })
        #expect(first.offset >= 1, "every notification is a second late")
    }

    @Test("the call log has one record per session, with a leg for each extension that took part")
    func callLogRecords() throws {
        func record(_ session: ScenarioSession) throws -> CallLogRecord {
            let object = ScenarioCallLog.record(for: session, accountID: "400123456008", baseURL: "http://sandbox", now: Self.start.addingTimeInterval(3600))
            return try JSONDecoder().decode(CallLogRecord.self, from: try JSONSerialization.data(withJSONObject: object))
        }
        let transfer = try record(try #require(try Self.sessions("blind-transfer.yaml").first))
        #expect(transfer.legs?.compactMap { $0.extension?.id } == [63_011_000, 63_011_001])
        #expect(transfer.legs?.map(\.result) == ["Accepted", "Accepted"])
        #expect(transfer.direction == "Inbound")
        let queue = try record(try #require(try Self.sessions("call-queue.yaml").first))
        #expect(queue.legs?.compactMap { $0.extension?.id } == [63_011_001], "queue members who only rang are not legs of the call")
        let missed = try record(try #require(try Self.sessions("missed.yaml").first))
        #expect(missed.result == "Missed")
        #expect(missed.legs?.compactMap { $0.extension?.id } == [63_011_001])
        let answered = try record(try #require(try Self.sessions("answered.yaml").first))
        #expect(answered.recording?.id == "900000001")
        #expect(answered.telephonyEvents(accountID: "400123456008").allSatisfy { $0.parties.allSatisfy { $0.extensionID == "63011000" } })
    }
}
