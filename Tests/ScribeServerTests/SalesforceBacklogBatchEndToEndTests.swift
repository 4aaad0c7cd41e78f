import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The backlog path into Salesforce over real loopback HTTP: calls pile up while writing is paused,
/// then the log worker drains them into the sandbox org with sObject Collections creates.
@Suite("A Salesforce backlog is logged with sObject Collections creates end to end")
struct SalesforceBacklogBatchEndToEndTests {
    @Test("150 queued calls: the known callers' Tasks arrive in composite creates, each log with its own Task and marker")
    func drainsBacklogInBatches() async throws {
        try await StackHarness.withStack(crm: .salesforce) { stack in
            let salesforce = try #require(stack.sandboxCRM.salesforce)
            let calls = try await StackHarness.queueBacklog(stack, count: 150)

            stack.callscribe.writeGate.resume()
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)

            let logs = try await stack.callscribe.store.callLogs(CallLogQuery(filter: .logged, limit: 1000))
            let tasks = salesforce.tasks
            #expect(logs.count > 1)
            #expect(tasks.count == logs.count)
            for log in logs {
                let task = try #require(tasks.first { $0.id == log.crmRecordID?.rawValue })
                #expect(task.fields["CallObject"] == .string(log.id.rawValue))
                #expect(task.fields["WhoId"] == log.contact.map { SalesforceFieldValue.string($0.id.rawValue) })
            }
            // Up to 200 a request: far fewer create requests than Tasks, and no Task created one by one.
            let batches = salesforce.requestCount(for: "composite.sobjects.create")
            #expect(batches >= 1)
            #expect(batches <= 2)
            #expect(salesforce.requestCount(for: "task.create") == 0)
        }
    }
}
