import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("PipedriveConnector creates persons", .sharedHTTPClient)
struct PipedriveConnectorCreateContactTests {
    /// A number no seeded person has.
    static let stranger = PhoneNumber(parsing: PipedriveHarness.company.strangers[0])!

    @Test("creates a person with the name and one primary work phone, which a search then finds")
    func createsPerson() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()

            let contact = try await connector.createContact(named: "  Ana María Ruiz ", phone: Self.stranger)

            #expect(contact.id == "1043")
            #expect(contact.name == "Ana María Ruiz")
            #expect(contact.phoneNumbers == [Self.stranger.e164])
            let person = try #require(harness.sandbox.person(id: 1043))
            #expect(person.name == "Ana María Ruiz")
            #expect(person.phones.map(\.value) == [Self.stranger.e164])
            #expect(person.phones.map(\.primary) == [true])
            #expect(person.phones.map(\.label) == ["work"])
            // add_time is written to the second.
            #expect(contact.createdAt == Date(timeIntervalSince1970: person.addTime.timeIntervalSince1970.rounded(.down)))
            #expect(contact.updatedAt == contact.createdAt)
            #expect(harness.sandbox.requestCount(for: "persons.create") == 1)

            let found = try await connector.findContacts(matching: Self.stranger)
            #expect(found == [contact])
        }
    }

    @Test("a blank name is a validation failure naming it, and creates nothing")
    func blankName() async throws {
        try await PipedriveHarness.run { harness in
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createContact(named: " ", phone: Self.stranger) })

            #expect(error.kind == .validationFailed(field: "name"))
            #expect(error.status == 400)
            #expect(error.message == "Validation failed: name: is required")
            #expect(error.operation == "pipedrive.createContact")
            #expect(harness.sandbox.persons.count == PipedriveHarness.company.customers.count + 2)
        }
    }

    @Test("the sandbox refuses unknown fields and a second primary phone, naming the field")
    func sandboxRefusals() async throws {
        try await PipedriveHarness.run { harness in
            let unknown = try await harness.raw(.POST, "/api/v2/persons", json: #"{"name":"Ana","first_name":"Ana"}"#)
            #expect(unknown.status == 400)
            #expect(try unknown.jsonObject["error"] as? String == "Validation failed: first_name: unknown field")

            let twoPrimaries = try await harness.raw(.POST, "/api/v2/persons", json: #"{"name":"Ana","phones":[{"value":"1","primary":true},{"value":"2","primary":true}]}"#)
            #expect(twoPrimaries.status == 400)
            #expect(try twoPrimaries.jsonObject["error"] as? String == "Validation failed: phones: only one phone can be primary")
            #expect(harness.sandbox.requestCount(for: "persons.create") == 2)
        }
    }

    @Test("a 429 is rateLimited with the Retry-After wait")
    func rateLimited() async throws {
        try await PipedriveHarness.run { harness in
            harness.sandbox.failNext(status: 429, retryAfter: 3)

            let error = try #require(await expectConnectorError { _ = try await harness.connector().createContact(named: "Ana Ruiz", phone: Self.stranger) })

            #expect(error.kind == .rateLimited(retryAfter: 3))
            #expect(harness.sandbox.persons.count == PipedriveHarness.company.customers.count + 2)
        }
    }
}
