import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// At-least-once in, exactly-once out: the same calls delivered with duplicates and in any order
/// give the same logs and the same CRM records as an orderly delivery.
@Suite("Delivery order and duplicates")
struct DeliveryOrderTests {
    /// What a log and its CRM record say about a call, without ids and timestamps that differ per run.
    struct Outcome: Hashable {
        var state: String
        var contact: String?
        var result: String
        var durationSeconds: Int
        var title: String?
        var crmDuration: String?
        var crmStatus: String?
    }

    static func outcomes(_ stack: RunningSandboxStack) async throws -> [String: Outcome] {
        let records = Dictionary(stack.crm.calls.map { ($0.id, $0) }) { first, _ in first }
        var outcomes: [String: Outcome] = [:]
        for log in try await stack.callscribe.callLogs(CallLogQuery(limit: 1000), for: .console) {
            let record = log.crmRecordId.flatMap { records[$0] }
            outcomes[log.sessionId] = Outcome(
                state: log.state, contact: log.contact, result: log.result, durationSeconds: log.durationSeconds,
                title: record?.properties["hs_call_title"], crmDuration: record?.properties["hs_call_duration"],
                crmStatus: record?.properties["hs_call_status"]
            )
        }
        return outcomes
    }

    /// The outcomes once they stop changing: every log has settled, and a second look, after the
    /// grace period and a fold tick, finds nothing new (a late event may still be correcting a record
    /// already written when the counts are first reached, on a busy machine).
    static func settledOutcomes(_ stack: RunningSandboxStack, expected: Int) async throws -> [String: Outcome] {
        _ = try await StackHarness.settledCounts(stack, expected: expected)
        return try await StackHarness.stable("the outcomes", quiet: .milliseconds(2500)) { (try await Self.outcomes(stack), false) }
    }

    @Test("30% duplicates in shuffled order produce the same logs and records as an orderly delivery")
    func scrambledEqualsOrderly() async throws {
        var random = SeededGenerator(seed: 77)
        let scripts = CallScripts(company: SandboxCompany(), timeScale: 0.01)
        let end = Date()
        let calls = (1...30).map { scripts.endedCall(number: $0, endingAt: end, using: &random) }
        let settings = [Setting.gracePeriod.name: "1000"]

        let orderly = try await StackHarness.withStack(settings: settings) { stack in
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            return try await Self.settledOutcomes(stack, expected: calls.count)
        }
        let scrambled = try await StackHarness.withStack(settings: settings) { stack in
            for call in calls { try stack.phone.place(call) }
            await stack.phone.deliverScrambled(calls, duplicates: 0.3, seed: 5)
            let outcomes = try await Self.settledOutcomes(stack, expected: calls.count)
            #expect(Set(stack.crm.calls.compactMap { $0.properties["callscribe_log_id"] }).count == stack.crm.calls.count)
            return outcomes
        }
        #expect(orderly.count == calls.count)
        #expect(scrambled == orderly)
        #expect(orderly.values.contains { $0.result == "Answered" && $0.durationSeconds > 0 })
    }
}
