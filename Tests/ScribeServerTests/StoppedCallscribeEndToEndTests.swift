import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// Callscribe is stopped while the phone system carries on: calls end, their webhooks fail and are
/// lost (RingCentral does not retry them, and may blacklist the subscription). After a restart the
/// call-log sweep must log every one of them exactly once, under the same policies as webhooks.
@Suite("Calls that end while Callscribe is stopped")
struct StoppedCallscribeEndToEndTests {
    /// How the phone system treats the failing webhook: blacklisted at the first failure, or still
    /// active at the restart (an outage shorter than RingCentral's ten minutes).
    enum Outage: String, CaseIterable, CustomTestStringConvertible {
        case blacklisted, shortOutage
        var testDescription: String { self.rawValue }
        var blacklistAfter: TimeInterval { self == .blacklisted ? 0 : 600 }
    }

    static let callsWhileStopped = 200
    static let callsInProgressAtStop = 10
    static let callsBeforeStop = 5

    @Test("200 calls that end while Callscribe is stopped are each logged exactly once after it restarts", arguments: Outage.allCases)
    func loggedOnceAfterRestart(outage: Outage) async throws {
        try await StackHarness.withSandboxes { sandboxes, options in
            let phone = sandboxes.phone
            phone.blacklistAfter = outage.blacklistAfter
            let before = StackHarness.endedCalls(Self.callsBeforeStop, first: 1, company: sandboxes.company, seed: 21)
            let inProgress = StackHarness.endedCalls(Self.callsInProgressAtStop, first: 101, company: sandboxes.company, seed: 22)
            // First run: some calls are logged, others are answered and still going when Callscribe stops.
            let port = try await SandboxStack.runCallscribe(options, on: sandboxes) { stack in
                try await stack.waitUntilSubscribed()
                try await DemoPeople.ensure(stack)
                for call in before + inProgress { try phone.place(call) }
                for call in before { await phone.deliver(call, realTime: false) }
                for call in inProgress { await phone.deliverUntilHangUp(call) }
                _ = try await StackHarness.settledCounts(stack, expected: before.count)
                return try #require(URL(string: stack.callscribeURL)?.port)
            }

            // Stopped: the calls in progress end, and 200 more are placed and end; every webhook fails.
            let deliveredBefore = phone.deliveryCounts.delivered
            let whileStopped = StackHarness.endedCalls(Self.callsWhileStopped, first: 1001, company: sandboxes.company, seed: 23)
            for call in whileStopped { try phone.place(call) }
            for call in inProgress { await phone.deliverHangUp(call) }
            for call in whileStopped { await phone.deliver(call, realTime: false) }
            #expect(phone.deliveryCounts.delivered == deliveredBefore, "nothing reaches a stopped Callscribe")
            // Each notification is tried once, never again; a blacklisted subscription gets nothing more.
            let events = inProgress.count + whileStopped.map { $0.outcome == .missed ? 3 : 4 }.reduce(0, +)
            #expect(phone.deliveryCounts.failed == (outage == .blacklisted ? 1 : events))
            #expect(phone.subscriptionCount == (outage == .blacklisted ? 0 : 1))

            // Restarted on the same address and ledger.
            var restart = options
            restart.callscribePort = port
            let all = before + inProgress + whileStopped
            let started = ContinuousClock.now
            try await SandboxStack.runCallscribe(restart, on: sandboxes) { stack in
                let counts = try await StackHarness.settledCounts(stack, expected: all.count, timeout: .seconds(60))
                let elapsed = ContinuousClock.now - started
                print("\(outage.rawValue): \(all.count) calls settled \(elapsed) after the restart: \(counts)")
                try await Self.expectLoggedOnce(all, stack: stack)
                // A working subscription again, and one only.
                try await stack.waitUntilSubscribed()
                #expect(phone.subscriptionCount == 1)
                #expect(phone.subscriptionIDs.count == 1, "the blacklisted subscription is replaced, not kept")
            }
        }
    }

    /// One log per call leg (each sandbox call has one); each call from a known contact has exactly
    /// one CRM record carrying its log's marker; every other call is skipped with its reason.
    static func expectLoggedOnce(_ calls: [ScriptedCall], stack: RunningSandboxStack) async throws {
        let logs = try await stack.callscribe.store.callLogs(CallLogQuery(limit: 10_000))
        #expect(logs.count == calls.count, "one log per call leg")
        let records = stack.crm.calls
        let markers = records.compactMap { $0.properties["callscribe_log_id"] }
        #expect(markers.count == records.count && Set(markers).count == records.count, "one CRM record per log, no duplicates")
        let customers = Set(stack.company.customers.map(\.phoneNumber))
        var logged = 0
        for call in calls {
            let logsOfCall = logs.filter { $0.key.sessionID.rawValue == call.telephonySessionID }
            #expect(logsOfCall.count == 1, "call \(call.number) has \(logsOfCall.count) logs")
            guard let log = logsOfCall.first else { continue }
            if customers.contains(call.customerNumber) {
                #expect(log.state == .logged, "call \(call.number): \(log.state.explanation)")
                let withMarker = records.filter { $0.properties["callscribe_log_id"] == log.id.rawValue }
                #expect(withMarker.count == 1 && withMarker.first?.id == log.crmRecordID?.rawValue, "call \(call.number)")
                let talk = call.outcome == .answered ? call.talkSeconds : 0
                #expect(abs((Double(withMarker.first?.properties["hs_call_duration"] ?? "") ?? -1) - talk * 1000) < 1500, "call \(call.number)")
                logged += 1
            } else {
                #expect(log.state == .skipped(.unknownContact), "call \(call.number): \(log.state.explanation)")
                #expect(log.state.explanation.contains("no CRM contact"))
            }
        }
        #expect(records.count == logged)
    }
}
