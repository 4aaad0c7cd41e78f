import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The whole slice over real loopback HTTP into Salesforce: sandbox phone system → webhook → ledger →
/// Salesforce connector → sandbox Salesforce.
@Suite("Calls are logged end to end into Salesforce")
struct SalesforceEndToEndTests {
    @Test("each call from a known contact becomes exactly one call Task on that contact; unknown callers stay unlogged with the reason")
    func logsEachCallOnce() async throws {
        try await StackHarness.withStack(crm: .salesforce) { stack in
            let salesforce = try #require(stack.sandboxCRM.salesforce)
            let batch = try await EndedCallBatch.log(30, stack: stack)
            try batch.expectShapeAndStrangersUnlogged()

            let tasks = salesforce.tasks
            #expect(tasks.count == batch.known.count)
            let markers = tasks.compactMap { $0.fields["CallObject"] }
            #expect(markers.count == tasks.count && Set(markers).count == tasks.count, "one marked Task per log, no duplicates")
            for call in batch.known {
                let log = try batch.log(of: call)
                #expect(log.state == .logged)
                let task = try #require(tasks.first { $0.id == log.crmRecordID?.rawValue })
                #expect(task.fields["CallObject"] == .string(log.id.rawValue), "the Task carries its log's marker")
                let contact = try #require(salesforce.contacts.first { .string($0.id) == task.fields["WhoId"] })
                #expect([contact.phone, contact.mobilePhone].contains { $0.flatMap { PhoneNumber(parsing: $0)?.e164 } == call.customerNumber })
                #expect(log.contact?.id.rawValue == contact.id)
                #expect(task.fields["TaskSubtype"] == "Call")
                #expect(task.fields["CallType"] == .string(call.direction))
                #expect(task.fields["Status"] == "Completed")
                #expect(task.fields["Subject"]?.text?.contains(contact.name) == true)
                let talk = EndedCallBatch.talkSeconds(call)
                guard case .number(let seconds) = task.fields["CallDurationInSeconds"] else {
                    Issue.record("no CallDurationInSeconds on \(task.id)")
                    continue
                }
                #expect(abs(seconds - talk) <= 1)
            }
        }
    }
}
