import Foundation
import NIOHTTP1
@testable import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("SalesforceConnector finds contacts and leads by name", .sharedHTTPClient)
struct SalesforceConnectorNameSearchTests {
    /// The org's contacts with a name word starting with `prefix`, whatever the case, in the org's order.
    static func contacts(in sandbox: SalesforceSandbox, startingWith prefix: String) -> [ContactID] {
        sandbox.contacts
            .filter { [$0.firstName, $0.lastName].contains { $0.lowercased().hasPrefix(prefix.lowercased()) } }
            .map { ContactID($0.id) }
    }

    @Test("says it searches by name")
    func capability() async throws {
        try await SalesforceHarness.run { harness in
            #expect(harness.connector().capabilities.nameSearch)
        }
    }

    @Test(
        "finds everyone with that first or last name, whatever the case, in one SOSL search",
        arguments: [(3, true), (3, false), (11, true), (11, false)]
    )
    func findsByFirstOrLastName(customerIndex: Int, byLastName: Bool) async throws {
        let customer = SalesforceHarness.company.customers[customerIndex]
        let name = byLastName ? customer.lastName.uppercased() : customer.firstName.lowercased()
        try await SalesforceHarness.run { harness in
            let seeded = harness.sandbox.contacts[customerIndex]
            let contacts = try await harness.connector().findContacts(named: name)

            #expect(contacts.map(\.id) == SalesforceConnectorNameSearchTests.contacts(in: harness.sandbox, startingWith: name))
            let found = try #require(contacts.first { $0.id == ContactID(seeded.id) })
            #expect(found.name == "\(customer.firstName) \(customer.lastName)")
            #expect(found.phoneNumbers == [customer.storedPhone] + [customer.storedMobile].compactMap { $0 })
            #expect(found.kind == .contact)
            #expect(harness.sandbox.requestCount(for: "search") == 1)
            #expect(harness.sandbox.requestCount == 1)
            let sosl = try #require(harness.sandbox.receivedQueries.last)
            #expect(sosl.contains("IN NAME FIELDS"))
            #expect(sosl.hasPrefix("FIND {\(name)*}"))
        }
    }

    @Test("a name nobody has finds nobody")
    func findsNobody() async throws {
        try await SalesforceHarness.run { harness in
            let contacts = try await harness.connector().findContacts(named: "Zzyzx")

            #expect(contacts.isEmpty)
            #expect(harness.sandbox.requestCount(for: "search") == 1)
        }
    }

    @Test("leads come after contacts, marked as leads; converted leads are left out")
    func findsLeads() async throws {
        let customer = SalesforceHarness.company.customers[2]
        try await SalesforceHarness.run { harness in
            let lead = harness.sandbox.addLead(firstName: "Lena", lastName: customer.lastName, phone: "+1 909 555 0101")
            harness.sandbox.addLead(firstName: "Lars", lastName: customer.lastName, phone: nil, isConverted: true)

            let found = try await harness.connector().findContacts(named: customer.lastName.lowercased())

            let contactIDs = SalesforceConnectorNameSearchTests.contacts(in: harness.sandbox, startingWith: customer.lastName)
            #expect(found.map(\.id) == contactIDs + [ContactID(lead)])
            let last = try #require(found.last)
            #expect(last.kind == .lead)
            #expect(last.name == "Lena \(customer.lastName)")
            #expect(last.phoneNumbers == ["+1 909 555 0101"])
            #expect(found.dropLast().allSatisfy { $0.kind == .contact })
            #expect(harness.sandbox.receivedQueries.last?.contains("Lead(Id, Name, Phone, MobilePhone, LastModifiedDate, CreatedDate WHERE IsConverted = false)") == true)
        }
    }

    @Test("a name with SOSL's reserved characters is escaped and finds its owner", arguments: ["O'Brien-Smith", "o'brien", "Brien-Smith", "Seán O'Brien"])
    func escapesReservedCharacters(name: String) async throws {
        try await SalesforceHarness.run { harness in
            let lead = harness.sandbox.addLead(firstName: "Seán", lastName: "O'Brien-Smith", phone: nil)

            let found = try await harness.connector().findContacts(named: name)

            #expect(found.map(\.id) == [ContactID(lead)])
            #expect(found.first?.kind == .lead)
            let sosl = try #require(harness.sandbox.receivedQueries.last)
            for reserved in ["'", "-"] where name.contains(reserved) {
                #expect(sosl.contains("\\" + reserved))
            }
        }
    }

    @Test("wildcards and braces in a name are searched for literally, not obeyed", arguments: ["Who?", "Ali*", "a}b{c", #"back\slash"#, "(Chen)", "x: \"quoted\""])
    func reservedCharactersAreLiteral(name: String) async throws {
        try await SalesforceHarness.run { harness in
            // "Who?" unescaped would be a wildcard matching "Whom"; "Ali*" a prefix matching "Alister".
            harness.sandbox.addLead(firstName: "Ann", lastName: "Whom", phone: nil)
            harness.sandbox.addLead(firstName: "Alister", lastName: "Lead", phone: nil)

            let found = try await harness.connector().findContacts(named: name)

            #expect(!found.contains { $0.name == "Ann Whom" || $0.name == "Alister Lead" })
            #expect(harness.sandbox.requestCount(for: "search") == 1)
            // The sandbox refuses only some of these unescaped: each must reach it escaped.
            let sosl = try #require(harness.sandbox.receivedQueries.last)
            for reserved in name where #"?*{}()":"#.contains(reserved) {
                #expect(sosl.contains("\\" + String(reserved)), "\(reserved) escaped in \(sosl)")
            }
        }
    }

    @Test("the sandbox refuses reserved characters left unescaped, as Salesforce does")
    func sandboxRefusesUnescaped() async throws {
        try await SalesforceHarness.run { harness in
            let response = try await harness.rawQuery("search/", "FIND {O'Brien} IN NAME FIELDS RETURNING Contact(Id)")
            #expect(response.status == 400)
            #expect(try response.salesforceErrors.first?["errorCode"] as? String == "MALFORMED_SEARCH")

            let escaped = try await harness.rawQuery("search/", #"FIND {O\'Brien} IN NAME FIELDS RETURNING Contact(Id)"#)
            #expect(escaped.status == 200)

            let contactHasNoIsConverted = try await harness.rawQuery("search/", "FIND {Zoe*} IN NAME FIELDS RETURNING Contact(Id WHERE IsConverted = false)")
            #expect(contactHasNoIsConverted.status == 400)
            #expect(try contactHasNoIsConverted.salesforceErrors.first?["errorCode"] as? String == "INVALID_FIELD")
        }
    }

    @Test("the query escapes every word and adds a trailing wildcard to words of two or more characters")
    func queryText() {
        let sosl = SalesforceQuery.nameSearch("Jo O'Neil-Ray x?", limit: 50)
        #expect(sosl.hasPrefix(#"FIND {Jo* O\'Neil\-Ray* x\?*} IN NAME FIELDS RETURNING Contact("#))
        #expect(sosl.hasSuffix(" WHERE IsConverted = false) LIMIT 50"))
        #expect(SalesforceQuery.nameSearch("J Li", limit: 50).hasPrefix("FIND {J Li*} IN NAME FIELDS"))
    }
}
