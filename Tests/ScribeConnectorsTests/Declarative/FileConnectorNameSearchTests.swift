import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

/// Every shipped connector file searches its vendor's sandbox by name the way the vendor's API does:
/// the contract `findContacts(named:)` keeps for the log form's contact picker.
@Suite("Connector files: contacts by name", .sharedHTTPClient)
struct FileConnectorNameSearchTests {
    @Test("a customer is found by first name and by last name, in any case, each person once", arguments: FileCRM.allCases)
    func firstAndLastName(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            #expect(harness.connector.capabilities.nameSearch)
            // `connectors check` lists it with the file's other operations.
            #expect(harness.connector.spec.operationNames.contains { $0.hasPrefix("find_contacts_by_name") })
            let customer = FileConnectorHarness.company.customers[3]
            let fullName = "\(customer.firstName) \(customer.lastName)"
            for query in [customer.firstName.lowercased(), customer.firstName.uppercased(), customer.lastName.uppercased(), customer.lastName.lowercased()] {
                let found = try await harness.connector.findContacts(named: query)
                #expect(found.contains { $0.name == fullName && $0.kind == .contact }, "\(crm): \(fullName) not found by '\(query)': \(found.map(\.name))")
                #expect(found.allSatisfy { $0.name.lowercased().contains(query.lowercased()) }, "\(crm): '\(query)' found \(found.map(\.name))")
                #expect(Set(found.map(\.id)).count == found.count, "\(crm): someone listed twice for '\(query)'")
                // Everyone of that first or last name, no one else (the seeded company is small enough for one page).
                let expected = FileConnectorHarness.company.customers.filter { [$0.firstName, $0.lastName].contains { $0.lowercased() == query.lowercased() } }
                #expect(Set(found.map(\.name)) == Set(expected.map { "\($0.firstName) \($0.lastName)" }), "\(crm): '\(query)'")
            }
        }
    }

    @Test("the person found by name is the one found by phone, with the same id to log calls on", arguments: FileCRM.allCases)
    func sameAsByPhone(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            let customer = FileConnectorHarness.company.customers[1]
            let byPhone = try await harness.connector.findContacts(matching: try #require(PhoneNumber(parsing: customer.phoneNumber)))
            let byName = try await harness.connector.findContacts(named: customer.lastName)
            let id = try #require(byPhone.first?.id)
            let person = try #require(byName.first { $0.id == id }, "\(crm): \(customer.lastName) by name lacks the phone search's \(id)")
            #expect(person.name == "\(customer.firstName) \(customer.lastName)")
            #expect(!person.phoneNumbers.isEmpty, "\(crm): the picker shows a number")
        }
    }

    @Test("a name nobody has finds no one", arguments: FileCRM.allCases)
    func stranger(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            let nobody = try await harness.connector.findContacts(named: "Quetzalcoatl")
            #expect(nobody.isEmpty)
            let noLetters = try await harness.connector.findContacts(named: "Zz")
            #expect(noLetters.isEmpty)
        }
    }

    @Test("leads are found as leads where the file searches them", arguments: [FileCRM.insightly, .zohoCRM])
    func leads(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            // Both sandboxes seed a lead named Lena (Insightly's Lena Moss, Zoho's Lena Prospect); no customer is.
            let found = try await harness.connector.findContacts(named: "LENA")
            #expect(found.count == 1)
            #expect(found.allSatisfy { $0.kind == .lead && $0.name.hasPrefix("Lena ") })
        }
    }

    @Test("a one-letter query is refused before the CRM is asked", arguments: FileCRM.allCases)
    func tooShort(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            let before = harness.sandbox.requestCount
            let error = try #require(await expectConnectorError { _ = try await harness.connector.findContacts(named: " a ") })
            #expect(error.kind == .validationFailed(field: "name"))
            #expect(error.operation == "\(harness.connector.spec.name).find_contacts_by_name")
            #expect(harness.sandbox.requestCount == before)
        }
    }
}
