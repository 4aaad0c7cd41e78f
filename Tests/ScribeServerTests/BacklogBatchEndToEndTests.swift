import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The backlog path over real loopback HTTP: calls pile up while writing is paused, then the log
/// worker drains them into the sandbox HubSpot with batch creates.
@Suite("A backlog is logged in batch requests end to end")
struct BacklogBatchEndToEndTests {
    @Test("150 queued calls: the known callers' records arrive in two batch requests, each log with its own record and marker")
    func drainsBacklogInBatches() async throws {
        try await StackHarness.withStack { stack in
            let calls = try await StackHarness.queueBacklog(stack, count: 150)

            stack.callscribe.writeGate.resume()
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)

            let logs = try await stack.callscribe.store.callLogs(CallLogQuery(filter: .logged, limit: 1000))
            let records = stack.crm.calls
            #expect(!logs.isEmpty)
            #expect(records.count == logs.count)
            for log in logs {
                let record = try #require(records.first { $0.id == log.crmRecordID?.rawValue })
                #expect(record.properties["callscribe_log_id"] == log.id.rawValue)
            }
            // 150 jobs leased 100 at a time: at most two create requests, however many were logged.
            #expect(stack.crm.requestCount(for: "calls.batchCreate") + stack.crm.requestCount(for: "calls.create") <= 2)
            #expect(stack.crm.requestCount(for: "calls.batchCreate") >= 1)
        }
    }
}
