import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("SalesforceConnector finds contacts", .sharedHTTPClient)
struct SalesforceConnectorContactTests {
    /// Customers 1…7 have their number stored as `(415) 555-0123`, `415-555-0123`, `415.555.0123`,
    /// `+1 415 555 0123`, `1-415-555-0123`, `4155550123` and `+14155550123`.
    @Test("finds the contact whatever format its number was stored in", arguments: 1...7)
    func findsContactStoredInAnyFormat(customerIndex: Int) async throws {
        let customer = SalesforceHarness.company.customers[customerIndex]
        let number = try #require(PhoneNumber(parsing: customer.phoneNumber))
        try await SalesforceHarness.run { harness in
            let stored = harness.sandbox.contacts[customerIndex]

            let contacts = try await harness.connector().findContacts(matching: number)

            #expect(contacts.count == 1)
            let contact = try #require(contacts.first)
            #expect(contact.id == ContactID(stored.id))
            #expect(contact.id.rawValue.count == 18)
            #expect(contact.id.rawValue.hasPrefix("003"))
            #expect(contact.name == "\(customer.firstName) \(customer.lastName)")
            #expect(contact.phoneNumbers == [customer.storedPhone] + [customer.storedMobile].compactMap { $0 })
            #expect(contact.updatedAt == stored.lastModifiedDate)
            #expect(contact.createdAt == stored.createdDate)
            #expect(contact.createdAt != contact.updatedAt)
            #expect(harness.sandbox.requestCount(for: "search") == 1)
            #expect(
                harness.sandbox.receivedQueries
                    == ["FIND {\(number.nationalNumber)} IN PHONE FIELDS RETURNING Contact(Id, Name, Phone, MobilePhone, LastModifiedDate, CreatedDate), Lead(Id, Name, Phone, MobilePhone, LastModifiedDate, CreatedDate)"]
            )
        }
    }

    @Test("the stored formats under test really differ")
    func storedFormatsDiffer() {
        let formats = (1...7).map { SalesforceHarness.company.customers[$0].storedPhone.filter { !$0.isNumber } }
        #expect(Set(formats).count >= 5)
    }

    @Test("finds a contact by its mobile number")
    func findsContactByMobile() async throws {
        let (index, customer) = try #require(SalesforceHarness.company.customers.enumerated().first { $0.offset > 0 && $0.element.storedMobile != nil })
        let mobile = try #require(customer.storedMobile.flatMap { PhoneNumber(parsing: $0) })
        try await SalesforceHarness.run { harness in
            let contacts = try await harness.connector().findContacts(matching: mobile)

            #expect(contacts.map(\.id) == [ContactID(harness.sandbox.contacts[index].id)])
            #expect(contacts.first?.phoneNumbers.last == customer.storedMobile)
        }
    }

    @Test("finds no contact for a stranger")
    func findsNothingForStranger() async throws {
        let stranger = try #require(PhoneNumber(parsing: SalesforceHarness.company.strangers[0]))
        try await SalesforceHarness.run { harness in
            let contacts = try await harness.connector().findContacts(matching: stranger)

            #expect(contacts.isEmpty)
            #expect(harness.sandbox.requestCount == 1)
        }
    }

    @Test("returns contacts before leads, and a nameless lead under its number")
    func contactsBeforeLeads() async throws {
        let customer = SalesforceHarness.company.customers[3]
        let number = try #require(PhoneNumber(parsing: customer.phoneNumber))
        try await SalesforceHarness.run { harness in
            let lead = harness.sandbox.addLead(firstName: "", lastName: "", phone: "+1 \(number.nationalNumber)")

            let contacts = try await harness.connector().findContacts(matching: number)

            #expect(contacts.map(\.id) == [ContactID(harness.sandbox.contacts[3].id), ContactID(lead)])
            #expect(contacts.last?.name == number.e164)
            #expect(lead.hasPrefix("00Q"))
        }
    }
}
