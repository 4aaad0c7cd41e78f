import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("HubSpotConnector finds contacts by name", .sharedHTTPClient)
struct HubSpotConnectorNameSearchTests {
    /// The seeded contacts (ids `1001 + index`) whose first or last name starts with `prefix`, whatever the case.
    static func seeded(startingWith prefix: String) -> [ContactID] {
        HubSpotHarness.company.customers.enumerated()
            .filter { [$0.element.firstName, $0.element.lastName].contains { $0.lowercased().hasPrefix(prefix.lowercased()) } }
            .map { ContactID(String(1001 + $0.offset)) }
    }

    @Test("says it searches by name")
    func capability() async throws {
        try await HubSpotHarness.run { harness in
            #expect(harness.connector().capabilities.nameSearch)
        }
    }

    @Test(
        "finds everyone with that first or last name, whatever the case, in one search",
        arguments: [(3, true), (3, false), (11, true), (11, false)]
    )
    func findsByFirstOrLastName(customerIndex: Int, byLastName: Bool) async throws {
        let customer = HubSpotHarness.company.customers[customerIndex]
        let name = byLastName ? customer.lastName.uppercased() : customer.firstName.lowercased()
        try await HubSpotHarness.run { harness in
            let contacts = try await harness.connector().findContacts(named: name)

            #expect(contacts.map(\.id) == HubSpotConnectorNameSearchTests.seeded(startingWith: name))
            let found = try #require(contacts.first { $0.id == ContactID(String(1001 + customerIndex)) })
            #expect(found.name == "\(customer.firstName) \(customer.lastName)")
            #expect(found.phoneNumbers == [customer.storedPhone] + [customer.storedMobile].compactMap { $0 })
            #expect(found.kind == .contact)
            #expect(found.updatedAt != nil)
            #expect(harness.sandbox.requestCount(for: "contacts.search") == 1)
            #expect(harness.sandbox.requestCount == 1)
        }
    }

    @Test("the start of a name finds it; the middle of one does not")
    func matchesWordStarts() async throws {
        let customer = HubSpotHarness.company.customers[5]
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            let prefix = String(customer.lastName.prefix(3))
            let byPrefix = try await connector.findContacts(named: prefix)
            #expect(byPrefix.map(\.id) == HubSpotConnectorNameSearchTests.seeded(startingWith: prefix))
            #expect(byPrefix.contains { $0.id == "1006" })

            let middle = String(customer.lastName.dropFirst(2))
            let byMiddle = try await connector.findContacts(named: middle)
            #expect(!byMiddle.contains { $0.id == "1006" })
        }
    }

    @Test("first and last name together find that one person")
    func findsByFullName() async throws {
        // Someone whose last name others share under another first name, so the first name must narrow it.
        let customers = HubSpotHarness.company.customers
        let customer = try #require(customers.first { one in customers.contains { $0.lastName == one.lastName && $0.firstName != one.firstName } })
        let sameName = HubSpotHarness.company.customers.enumerated().filter { $0.element.firstName == customer.firstName && $0.element.lastName == customer.lastName }
        try await HubSpotHarness.run { harness in
            let contacts = try await harness.connector().findContacts(named: "\(customer.firstName) \(customer.lastName)")

            #expect(contacts.map(\.id) == sameName.map { ContactID(String(1001 + $0.offset)) })
            #expect(contacts.allSatisfy { $0.name == "\(customer.firstName) \(customer.lastName)" })
        }
    }

    @Test("a name nobody has finds nobody")
    func findsNobody() async throws {
        try await HubSpotHarness.run { harness in
            let contacts = try await harness.connector().findContacts(named: "Zzyzx")

            #expect(contacts.isEmpty)
            #expect(harness.sandbox.requestCount(for: "contacts.search") == 1)
        }
    }

    @Test("a contact created with an apostrophe and a hyphen is found by them")
    func findsPunctuatedName() async throws {
        let phone = try #require(PhoneNumber(parsing: HubSpotHarness.company.strangers[2]))
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            let created = try await connector.createContact(named: "Marie-Claire O'Neil", phone: phone)

            let contacts = try await connector.findContacts(named: "o'neil")

            #expect(contacts.map(\.id) == [created.id])
            #expect(contacts.first?.name == "Marie-Claire O'Neil")
            let byFirstName = try await connector.findContacts(named: "marie-claire")
            #expect(byFirstName.map(\.id) == [created.id])
        }
    }

    @Test("the sandbox's query matches the start of words, whatever the case")
    func sandboxQuerySemantics() async throws {
        let customer = try #require(HubSpotHarness.company.customers.first { $0.lastName.count >= 6 })
        let middle = String(customer.lastName.dropFirst(2))
        let words = HubSpotHarness.company.customers.flatMap { [$0.firstName, $0.lastName] + $0.company.split(separator: " ").map(String.init) }
        try #require(!words.contains { $0.lowercased().hasPrefix(middle.lowercased()) })
        try await HubSpotHarness.run { harness in
            func total(_ query: String) async throws -> Int {
                let response = try await harness.raw(.POST, "/crm/v3/objects/contacts/search", json: #"{"query":"\#(query)","limit":100}"#)
                #expect(response.status == 200)
                return try #require(try response.jsonObject["total"] as? Int)
            }
            let byName = try await total(customer.lastName.uppercased())
            #expect(byName == HubSpotConnectorNameSearchTests.seeded(startingWith: customer.lastName).count)
            let byMiddle = try await total(middle)
            #expect(byMiddle == 0)
        }
    }
}
