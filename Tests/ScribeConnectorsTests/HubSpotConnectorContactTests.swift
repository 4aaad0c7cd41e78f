import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("HubSpotConnector finds contacts", .sharedHTTPClient)
struct HubSpotConnectorContactTests {
    /// Customers 1…7 have their number stored as `(415) 555-0123`, `415-555-0123`, `415.555.0123`,
    /// `+1 415 555 0123`, `1-415-555-0123`, `4155550123` and `+14155550123`.
    @Test("finds the contact whatever format its number was stored in", arguments: 1...7)
    func findsContactStoredInAnyFormat(customerIndex: Int) async throws {
        let customer = HubSpotHarness.company.customers[customerIndex]
        let number = try #require(PhoneNumber(parsing: customer.phoneNumber))
        try await HubSpotHarness.run { harness in
            let contacts = try await harness.connector().findContacts(matching: number)

            #expect(contacts.count == 1)
            let contact = try #require(contacts.first)
            #expect(contact.id == ContactID(String(1001 + customerIndex)))
            #expect(contact.name == "\(customer.firstName) \(customer.lastName)")
            #expect(contact.phoneNumbers == [customer.storedPhone] + [customer.storedMobile].compactMap { $0 })
            let stored = try #require(harness.sandbox.contacts.first { $0.id == contact.id.rawValue })
            let modified = try #require(stored.properties["lastmodifieddate"])
            #expect(contact.updatedAt == (try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(modified)))
            let created = try #require(stored.properties["createdate"])
            #expect(contact.createdAt == (try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(created)))
            #expect(contact.createdAt != contact.updatedAt)
            #expect(harness.sandbox.requestCount(for: "contacts.search") == 1)
        }
    }

    @Test("the stored formats under test really differ")
    func storedFormatsDiffer() {
        let formats = (1...7).map { HubSpotHarness.company.customers[$0].storedPhone.filter { !$0.isNumber } }
        #expect(Set(formats).count >= 5)
    }

    @Test("finds a contact by its mobile number")
    func findsContactByMobile() async throws {
        let (index, customer) = try #require(HubSpotHarness.company.customers.enumerated().first { $0.offset > 0 && $0.element.storedMobile != nil })
        let mobile = try #require(customer.storedMobile.flatMap { PhoneNumber(parsing: $0) })
        try await HubSpotHarness.run { harness in
            let contacts = try await harness.connector().findContacts(matching: mobile)

            #expect(contacts.map(\.id) == [ContactID(String(1001 + index))])
            #expect(contacts.first?.phoneNumbers.last == customer.storedMobile)
        }
    }

    @Test("finds no contact for a stranger")
    func findsNothingForStranger() async throws {
        let stranger = try #require(PhoneNumber(parsing: HubSpotHarness.company.strangers[0]))
        try await HubSpotHarness.run { harness in
            let contacts = try await harness.connector().findContacts(matching: stranger)

            #expect(contacts.isEmpty)
            #expect(harness.sandbox.requestCount == 1)
        }
    }

    @Test("finds every contact on a shared company line")
    func findsAllContactsOnSharedNumber() async throws {
        try await HubSpotHarness.run { harness in
            let shared = try #require(harness.sandbox.sharedNumber.flatMap { PhoneNumber(parsing: $0) })
            let owner = HubSpotHarness.company.customers[0]

            let contacts = try await harness.connector().findContacts(matching: shared)

            #expect(contacts.map(\.id) == ["1001", "1041", "1042"])
            #expect(contacts.map(\.name) == ["\(owner.firstName) \(owner.lastName)", "Front Desk", "Accounts Payable"])
            #expect(contacts[1].phoneNumbers == ["(\(shared.nationalNumber.prefix(3))) \(shared.nationalNumber.dropFirst(3).prefix(3))-\(shared.nationalNumber.suffix(4))"])
        }
    }
}
