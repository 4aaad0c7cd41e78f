import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("HubSpotConnector creates contacts", .sharedHTTPClient)
struct HubSpotConnectorCreateContactTests {
    /// A number no seeded contact has.
    static let stranger = PhoneNumber(parsing: HubSpotHarness.company.strangers[0])!

    @Test("creates a contact with first name, last name and the number, which a search then finds")
    func createsContact() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()

            let contact = try await connector.createContact(named: "Ana María Ruiz", phone: Self.stranger)

            #expect(contact.id == "1043")
            #expect(contact.name == "Ana María Ruiz")
            #expect(contact.phoneNumbers == [Self.stranger.e164])
            let createdAt = try #require(contact.createdAt)
            #expect(abs(createdAt.timeIntervalSinceNow) < 60)
            #expect(contact.updatedAt == createdAt)
            let stored = try #require(harness.sandbox.contacts.first { $0.id == "1043" })
            #expect(stored.properties["firstname"] == "Ana María")
            #expect(stored.properties["lastname"] == "Ruiz")
            #expect(stored.properties["phone"] == Self.stranger.e164)
            #expect(harness.sandbox.requestCount(for: "contacts.create") == 1)

            let found = try await connector.findContacts(matching: Self.stranger)
            #expect(found == [contact])
        }
    }

    @Test("a one-word name is the last name")
    func oneWordName() async throws {
        try await HubSpotHarness.run { harness in
            let contact = try await harness.connector().createContact(named: " Cher ", phone: Self.stranger)

            #expect(contact.name == "Cher")
            let stored = try #require(harness.sandbox.contacts.first { $0.id == contact.id.rawValue })
            #expect(stored.properties["lastname"] == "Cher")
            #expect(stored.properties["firstname"] == nil)
        }
    }

    @Test("a blank name is a validation failure naming lastname, and creates nothing")
    func blankName() async throws {
        try await HubSpotHarness.run { harness in
            let count = harness.sandbox.contacts.count

            let error = try #require(await expectConnectorError { _ = try await harness.connector().createContact(named: "   ", phone: Self.stranger) })

            #expect(error.kind == .validationFailed(field: "lastname"))
            #expect(error.status == 400)
            #expect(error.operation == "hubspot.createContact")
            #expect(harness.sandbox.contacts.count == count)
        }
    }

    @Test("the sandbox refuses an unknown contact property with HubSpot's validation error")
    func unknownProperty() async throws {
        try await HubSpotHarness.run { harness in
            let response = try await harness.raw(.POST, "/crm/v3/objects/contacts", json: #"{"properties":{"lastname":"Ruiz","favourite_colour":"teal"}}"#)

            #expect(response.status == 400)
            let body = try response.jsonObject
            #expect(body["status"] as? String == "error")
            #expect(body["category"] as? String == "VALIDATION_ERROR")
            #expect((body["message"] as? String)?.contains(#""name":"favourite_colour""#) == true)
            #expect((body["message"] as? String)?.contains("PROPERTY_DOESNT_EXIST") == true)
        }
    }

    @Test("a wrong token is authExpired")
    func wrongToken() async throws {
        try await HubSpotHarness.run { harness in
            let error = try #require(await expectConnectorError { _ = try await harness.connector(token: "pat-na1-wrong").createContact(named: "Ana Ruiz", phone: Self.stranger) })

            #expect(error.kind == .authExpired)
            #expect(harness.sandbox.contacts.count == HubSpotHarness.company.customers.count + 2)
        }
    }
}
