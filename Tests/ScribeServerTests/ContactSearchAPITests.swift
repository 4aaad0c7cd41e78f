import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The log form's contact search, end to end over loopback HTTP against the sandbox HubSpot: by
/// name, refused input named, and a contact found by name logged on under that name.
@Suite("Contact search API", .serialized)
struct ContactSearchAPITests {
    struct Found: Decodable {
        struct Person: Decodable, Equatable { var id: String; var name: String; var kind: String }
        var contacts: [Person]
    }

    @Test("a name finds the CRM's people called so; too short, both or neither of phone and name is a 400 naming the field")
    func searchByName() async throws {
        try await StackHarness.withStack { stack in
            let customer = stack.company.customers[0]
            let answer = try await StackHarness.send(.GET, stack, "/api/contacts?name=" + customer.lastName.lowercased())
            #expect(answer.status == 200)
            let found = try JSONDecoder().decode(Found.self, from: Data(answer.body.utf8))
            #expect(!found.contacts.isEmpty)
            #expect(found.contacts.allSatisfy { $0.name.localizedCaseInsensitiveContains(customer.lastName) }, "\(found.contacts)")
            #expect(found.contacts.contains { $0.name == "\(customer.firstName) \(customer.lastName)" })

            let nobody = try await StackHarness.send(.GET, stack, "/api/contacts?name=Qzxwvut")
            #expect(nobody.status == 200)
            #expect(try JSONDecoder().decode(Found.self, from: Data(nobody.body.utf8)).contacts.isEmpty)

            let short = try await StackHarness.send(.GET, stack, "/api/contacts?name=a")
            #expect(short.status == 400)
            #expect(short.body.contains("\"field\":\"name\""))
            let both = try await StackHarness.send(.GET, stack, "/api/contacts?name=ab&phone=%2B14155550123")
            #expect(both.status == 400)
            #expect(both.body.contains("\"field\":\"name\""))
            let neither = try await StackHarness.send(.GET, stack, "/api/contacts")
            #expect(neither.status == 400)
            #expect(neither.body.contains("\"field\":\"phone\""))
        }
    }

    @Test("a caller the number did not find is logged by hand on a contact found by name, and the record names them")
    func logOnContactFoundByName() async throws {
        try await StackHarness.withStack(settings: [Setting.autoLog.name: "false"]) { stack in
            let log = try await StackHarness.unloggedCall(stack, count: 2, seed: 17)

            let customer = stack.company.customers[3]
            #expect(log.leg.counterpart.phoneNumber != customer.phoneNumber, "the caller's number is not the person's found by name")
            let answer = try await StackHarness.send(.GET, stack, "/api/contacts?name=" + customer.firstName)
            let person = try #require(
                try JSONDecoder().decode(Found.self, from: Data(answer.body.utf8)).contacts.first { $0.name == "\(customer.firstName) \(customer.lastName)" }
            )
            let body = #"{"contactId": "\#(person.id)", "contactName": "\#(person.name)"}"#
            let posted = try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: body)
            #expect(posted.status == 202, "\(posted.body)")
            try await StackHarness.eventually("the manual log is written") {
                try await stack.callscribe.store.callLog(log.id)?.state == .logged
            }
            let logged = try #require(try await stack.callscribe.store.callLog(log.id))
            #expect(logged.contact?.id.rawValue == person.id)
            #expect(logged.contact?.name == person.name)
            let record = try #require(logged.crmRecordID)
            let call = try #require(stack.crm.call(id: record.rawValue))
            #expect(call.properties["hs_call_title"]?.contains(person.name) == true)
            #expect(call.contactIDs == [person.id])
        }
    }
}
