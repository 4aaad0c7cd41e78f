import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// Agents map to CRM owners by email: what `callscribe connectors owners` lists, and what lands on
/// the records, against the sandbox HubSpot whose owners share the demo people's emails.
@Suite("Owner mapping by email", .serialized)
struct OwnerMappingTests {
    @Test("each person with a phone user maps to the HubSpot owner with their email; their calls' records carry that owner")
    func ownersByEmail() async throws {
        try await StackHarness.withStack { stack in
            let employee = try #require(stack.company.employees.first)
            let email = DemoPeople.agentEmail(extensionNumber: employee.extensionNumber)
            let mapping = try #require(try await stack.callscribe.ownerMappings().first)
            #expect(mapping.ok, "\(mapping.detail)")
            #expect(mapping.detail.hasPrefix("\(stack.company.employees.count) active CRM users"))
            #expect(mapping.detail.contains("\(email) → \(employee.name) (41629001, same email)"))

            let calls = StackHarness.endedCalls(6, stack: stack, seed: 23)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            let owners = Dictionary(uniqueKeysWithValues: stack.crm.directory.users.map { ("ext" + $0.email.dropFirst(3).prefix { $0 != "@" }, String(41_629_000 + $0.number)) })
            let logged = try await stack.callscribe.store.callLogs(CallLogQuery(filter: .logged))
            #expect(!logged.isEmpty)
            for log in logged {
                let record = try #require(log.crmRecordID.flatMap { stack.crm.call(id: $0.rawValue) })
                let number = try #require(stack.company.employees.first { $0.extensionID == log.key.extensionID.rawValue }?.extensionNumber)
                #expect(record.properties["hubspot_owner_id"] == owners["ext" + number], "the record of ext \(number)'s call")
            }
        }
    }
}
