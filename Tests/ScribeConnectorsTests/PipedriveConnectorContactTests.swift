import Foundation
import NIOHTTP1
@testable import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("PipedriveConnector finds persons", .sharedHTTPClient)
struct PipedriveConnectorContactTests {
    /// Customers 1…7 have their number stored as `(415) 555-0123`, `415-555-0123`, `415.555.0123`,
    /// `+1 415 555 0123`, `1-415-555-0123`, `4155550123` and `+14155550123`.
    @Test("finds the person whatever format the number was stored in", arguments: 1...7)
    func findsPersonStoredInAnyFormat(customerIndex: Int) async throws {
        let customer = PipedriveHarness.company.customers[customerIndex]
        let number = try #require(PhoneNumber(parsing: customer.phoneNumber))
        try await PipedriveHarness.run { harness in
            let contacts = try await harness.connector().findContacts(matching: number)

            #expect(contacts.count == 1)
            let contact = try #require(contacts.first)
            #expect(contact.id == ContactID(String(1001 + customerIndex)))
            #expect(contact.name == "\(customer.firstName) \(customer.lastName)")
            #expect(contact.phoneNumbers == [customer.storedPhone] + [customer.storedMobile].compactMap { $0 })
            let stored = try #require(harness.sandbox.persons.first { $0.id == 1001 + customerIndex })
            // update_time is written to the second.
            #expect(contact.updatedAt == Date(timeIntervalSince1970: stored.updateTime.timeIntervalSince1970.rounded(.down)))
            #expect(contact.createdAt == Date(timeIntervalSince1970: stored.addTime.timeIntervalSince1970.rounded(.down)))
            #expect(contact.createdAt != contact.updatedAt)
            // One search per variant tried, up to the one stored, then one read of the persons found.
            let variantIndex = try #require(number.storedFormVariants.firstIndex(of: customer.storedPhone))
            #expect(harness.sandbox.requestCount(for: "persons.search") == variantIndex + 1)
            #expect(harness.sandbox.requestCount(for: "persons.list") == 1)
        }
    }

    @Test("the stored formats under test really differ")
    func storedFormatsDiffer() {
        let formats = (1...7).map { PipedriveHarness.company.customers[$0].storedPhone.filter { !$0.isNumber } }
        #expect(Set(formats).count >= 5)
    }

    @Test("finds no person for a stranger, after trying every variant")
    func findsNothingForStranger() async throws {
        let stranger = try #require(PhoneNumber(parsing: PipedriveHarness.company.strangers[0]))
        try await PipedriveHarness.run { harness in
            let contacts = try await harness.connector().findContacts(matching: stranger)

            #expect(contacts.isEmpty)
            #expect(harness.sandbox.requestCount(for: "persons.search") == stranger.storedFormVariants.count)
            #expect(harness.sandbox.requestCount(for: "persons.list") == 0)
        }
    }

    @Test("finds every person sharing a company line, each with its update time")
    func findsAllPersonsOnSharedLine() async throws {
        try await PipedriveHarness.run { harness in
            let owner = PipedriveHarness.company.customers[0]
            let shared = try #require(PhoneNumber(parsing: owner.phoneNumber))

            let contacts = try await harness.connector().findContacts(matching: shared)

            #expect(contacts.map(\.id) == ["1001", "1041", "1042"])
            #expect(contacts.map(\.name) == ["\(owner.firstName) \(owner.lastName)", "Front Desk", "Accounts Payable"])
            #expect(contacts.allSatisfy { $0.phoneNumbers.first == harness.sandbox.sharedPhone })
            #expect(contacts.allSatisfy { $0.updatedAt != nil })
        }
    }

    @Test("searches with exact_match on phone and sends the token only as a header")
    func searchWire() async throws {
        try await PipedriveHarness.run { harness in
            let customer = PipedriveHarness.company.customers[1]
            let response = try await harness.raw(.GET, "/api/v2/persons/search?term=\(PipedriveConnector.percentEncoded(customer.storedPhone))&fields=phone&exact_match=true")

            #expect(response.status == 200)
            let body = try response.jsonObject
            #expect(body["success"] as? Bool == true)
            let items = try #require((body["data"] as? [String: Any])?["items"] as? [[String: Any]])
            #expect(items.count == 1)
            let item = try #require(items.first?["item"] as? [String: Any])
            #expect(item["id"] as? Int == 1002)
            #expect(item["type"] as? String == "person")
            #expect((item["phones"] as? [String])?.first == customer.storedPhone)
            #expect(response.headers.first(name: "x-ratelimit-limit") == "80")

            // Not exact: the digits alone do not match a formatted number.
            let loose = try await harness.raw(.GET, "/api/v2/persons/search?term=\(customer.phoneNumber.dropFirst(2))&fields=phone")
            #expect(((try loose.jsonObject["data"] as? [String: Any])?["items"] as? [Any])?.isEmpty == true)
        }
    }
}
