import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("SalesforceConnector creates contacts", .sharedHTTPClient)
struct SalesforceConnectorCreateContactTests {
    /// A number no seeded contact has.
    static let stranger = PhoneNumber(parsing: SalesforceHarness.company.strangers[0])!

    @Test("creates a Contact with FirstName, LastName and Phone, which a search then finds")
    func createsContact() async throws {
        try await SalesforceHarness.run { harness in
            let connector = harness.connector()

            let contact = try await connector.createContact(named: "Ana María Ruiz", phone: Self.stranger)

            #expect(contact.id.rawValue.count == 18)
            #expect(contact.id.rawValue.hasPrefix("003"))
            #expect(contact.name == "Ana María Ruiz")
            #expect(contact.phoneNumbers == [Self.stranger.e164])
            // A create answers with the id alone.
            #expect(contact.createdAt == nil)
            let stored = try #require(harness.sandbox.contacts.last)
            #expect(stored.id == contact.id.rawValue)
            #expect(stored.firstName == "Ana María")
            #expect(stored.lastName == "Ruiz")
            #expect(stored.phone == Self.stranger.e164)
            #expect(harness.sandbox.requestCount(for: "contact.create") == 1)

            let found = try await connector.findContacts(matching: Self.stranger)
            #expect(found.map(\.id) == [contact.id])
            // Salesforce writes times to the millisecond.
            let createdAt = try #require(found.first?.createdAt)
            #expect(abs(createdAt.timeIntervalSince(stored.createdDate)) < 0.001)
        }
    }

    @Test("a one-word name is the LastName alone")
    func oneWordName() async throws {
        try await SalesforceHarness.run { harness in
            let contact = try await harness.connector().createContact(named: "Cher", phone: Self.stranger)

            #expect(contact.name == "Cher")
            let stored = try #require(harness.sandbox.contacts.last)
            #expect(stored.firstName.isEmpty)
            #expect(stored.lastName == "Cher")
        }
    }

    @Test("a blank name is REQUIRED_FIELD_MISSING, a validation failure naming LastName, and creates nothing")
    func blankName() async throws {
        try await SalesforceHarness.run { harness in
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createContact(named: "  ", phone: Self.stranger) })

            #expect(error.kind == .validationFailed(field: "LastName"))
            #expect(error.status == 400)
            #expect(error.message == "REQUIRED_FIELD_MISSING: Required fields are missing: [LastName]")
            #expect(error.operation == "salesforce.createContact")
            #expect(harness.sandbox.contacts.count == SalesforceHarness.company.customers.count)
        }
    }

    @Test("the sandbox refuses a Contact without LastName, and the compound Name, with Salesforce's error array")
    func sandboxRefusals() async throws {
        try await SalesforceHarness.run { harness in
            let response = try await harness.raw(.POST, "/services/data/v61.0/sobjects/Contact", json: #"{"FirstName":"Ana","Name":"Ana Ruiz","Phone":"+14155550999"}"#)

            #expect(response.status == 400)
            let errors = try response.salesforceErrors
            #expect(errors.compactMap { $0["errorCode"] as? String } == ["INVALID_FIELD_FOR_INSERT_UPDATE", "REQUIRED_FIELD_MISSING"])
            #expect(errors.last?["fields"] as? [String] == ["LastName"])
            #expect(errors.last?["message"] as? String == "Required fields are missing: [LastName]")
            #expect(harness.sandbox.contacts.count == SalesforceHarness.company.customers.count)
        }
    }

    @Test("an expired session is authExpired")
    func expiredSession() async throws {
        try await SalesforceHarness.run { harness in
            let error = try #require(await expectConnectorError { _ = try await harness.connector(token: "00D!wrong").createContact(named: "Ana Ruiz", phone: Self.stranger) })

            #expect(error.kind == .authExpired)
            #expect(harness.sandbox.contacts.count == SalesforceHarness.company.customers.count)
        }
    }
}
