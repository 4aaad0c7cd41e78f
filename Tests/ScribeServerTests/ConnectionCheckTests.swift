import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// `callscribe connectors check|test` underneath: each stored connection tried with its sealed credential.
@Suite("Checking and testing CRM connections")
struct ConnectionCheckTests {
    @Test("a check searches contacts without writing; during an outage it fails with the CRM's answer and no credential")
    func check() async throws {
        try await StackHarness.withStack { stack in
            let customer = try #require(stack.company.customers.first)
            let checks = try await stack.callscribe.checkConnections(phone: customer.phoneNumber)
            #expect(checks.count == 1)
            let check = try #require(checks.first)
            #expect(check.ok && check.connection.kind == "hubspot")
            #expect(check.detail.contains("found") && !check.detail.contains(" 0 found"))
            #expect(stack.crm.calls.isEmpty, "nothing written")

            stack.crm.outage = true
            let failed = try #require(try await stack.callscribe.checkConnections(phone: customer.phoneNumber).first)
            #expect(!failed.ok && failed.detail.contains("503"))
            #expect(!failed.detail.contains(SandboxStack.hubSpotToken))
            await #expect(throws: PeopleError.invalidField("phone", "'call me' is not a phone number")) {
                _ = try await stack.callscribe.checkConnections(phone: "call me")
            }
        }
    }

    @Test("a test writes a record on the contact, reads it back and finds it by its marker; an unknown contact fails")
    func test() async throws {
        try await StackHarness.withStack { stack in
            let contact = try #require(stack.crm.contacts.first)
            let test = try #require(try await stack.callscribe.testConnections(contact: contact.id).first)
            #expect(test.ok, "\(test.detail)")
            let recordID = try #require(test.recordId)
            let record = try #require(stack.crm.call(id: recordID))
            #expect(record.properties["hs_call_title"] == "Callscribe connection test")
            #expect(record.contactIDs == [contact.id])

            let unknown = try #require(try await stack.callscribe.testConnections(contact: "999999999").first)
            #expect(!unknown.ok && unknown.recordId == nil)
            #expect(stack.crm.calls.count == 1)
        }
    }

    @Test("a test against Pipedrive writes a call activity on the person and no call log (a test call has no outcome)")
    func testPipedrive() async throws {
        try await StackHarness.withStack(crm: .pipedrive) { stack in
            let pipedrive = try #require(stack.sandboxCRM.pipedrive)
            let person = try #require(pipedrive.persons.first)
            let test = try #require(try await stack.callscribe.testConnections(contact: String(person.id)).first)
            #expect(test.ok, "\(test.detail)")
            let activity = try #require(test.recordId.flatMap { Int($0) }.flatMap { pipedrive.activity(id: $0) })
            #expect(activity.subject == "Callscribe connection test")
            #expect(activity.personID == person.id)
            #expect(pipedrive.callLogs.isEmpty)
        }
    }
}
