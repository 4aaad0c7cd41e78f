import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("PipedriveConnector finds persons by name", .sharedHTTPClient)
struct PipedriveConnectorNameSearchTests {
    @Test("says it searches by name")
    func capability() async throws {
        try await PipedriveHarness.run { harness in
            #expect(harness.connector().capabilities.nameSearch)
        }
    }

    @Test(
        "finds everyone whose name holds the text, whatever the case, in one search",
        arguments: [(3, true), (3, false), (11, true), (11, false)]
    )
    func findsByFirstOrLastName(customerIndex: Int, byLastName: Bool) async throws {
        let customer = PipedriveHarness.company.customers[customerIndex]
        let name = byLastName ? customer.lastName.uppercased() : customer.firstName.lowercased()
        try await PipedriveHarness.run { harness in
            let expected = harness.sandbox.persons.filter { $0.name.lowercased().contains(name.lowercased()) }

            let contacts = try await harness.connector().findContacts(named: name)

            #expect(Set(contacts.map(\.id)) == Set(expected.map { ContactID(String($0.id)) }))
            #expect(contacts.count == expected.count)
            let found = try #require(contacts.first { $0.id == ContactID(String(1001 + customerIndex)) })
            #expect(found.name == "\(customer.firstName) \(customer.lastName)")
            #expect(found.phoneNumbers == [customer.storedPhone] + [customer.storedMobile].compactMap { $0 })
            #expect(found.kind == .contact)
            #expect(harness.sandbox.requestCount(for: "persons.search") == 1)
            #expect(harness.sandbox.requestCount == 1)
        }
    }

    @Test("keeps Pipedrive's order: the best result_score first")
    func keepsScoreOrder() async throws {
        let phone = try #require(PhoneNumber(parsing: PipedriveHarness.company.strangers[3]))
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            // "Ann" is the whole of one name, the start of a word of another and inside a third.
            let joanne = try await connector.createContact(named: "Joanne Petit", phone: phone)
            let annika = try await connector.createContact(named: "Annika Berg", phone: phone)
            let ann = try await connector.createContact(named: "Ann", phone: phone)

            let contacts = try await connector.findContacts(named: "ann")

            #expect(contacts.map(\.id) == [ann.id, annika.id, joanne.id])
            let raw = try await harness.raw(.GET, "/api/v2/persons/search?term=ann&fields=name")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(raw.body.readableBytesView)) as? [String: Any])
            let items = try #require((object["data"] as? [String: Any])?["items"] as? [[String: Any]])
            let scores = items.compactMap { $0["result_score"] as? Double }
            #expect(scores.count == 3)
            #expect(scores == scores.sorted(by: >))
            #expect(Set(scores).count == 3)
        }
    }

    @Test("a name nobody has finds nobody")
    func findsNobody() async throws {
        try await PipedriveHarness.run { harness in
            let contacts = try await harness.connector().findContacts(named: "Zzyzx")

            #expect(contacts.isEmpty)
            #expect(harness.sandbox.requestCount(for: "persons.search") == 1)
        }
    }

    @Test("punctuation in a name is sent encoded and matched as text")
    func findsPunctuatedName() async throws {
        let phone = try #require(PhoneNumber(parsing: PipedriveHarness.company.strangers[4]))
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            let created = try await connector.createContact(named: "Zoë O'Neil-Hart & Co?", phone: phone)

            let byPunctuated = try await connector.findContacts(named: "o'neil-hart &")
            #expect(byPunctuated.map(\.id) == [created.id])
            let byQuestion = try await connector.findContacts(named: "Co?")
            #expect(byQuestion.map(\.id) == [created.id])
        }
    }

    @Test("a one-character name is Pipedrive's 400, a validation failure naming term")
    func refusesOneCharacter() async throws {
        try await PipedriveHarness.run { harness in
            let raw = try await harness.raw(.GET, "/api/v2/persons/search?term=a&fields=name")
            #expect(raw.status == 400)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(raw.body.readableBytesView)) as? [String: Any])
            #expect(body["success"] as? Bool == false)
            #expect((body["error"] as? String)?.contains("term") == true)

            let error = await expectConnectorError { _ = try await harness.connector().findContacts(named: "a") }
            #expect(error?.kind == .validationFailed(field: "term"))
            #expect(error?.isRetryable == false)
        }
    }
}
