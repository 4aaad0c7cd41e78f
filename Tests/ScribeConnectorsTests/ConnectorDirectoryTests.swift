import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("Connectors read dispositions and users from the CRM", .sharedHTTPClient)
struct ConnectorDirectoryTests {
    static let connected = "f240bbac-87c9-4f6e-bf70-924b57d47db7"
    static let noAnswer = "73a0d17f-1163-4015-bdd5-ec830791da20"

    @Test("HubSpot: the portal's dispositions, HubSpot's defaults and its own, read once per lifetime")
    func hubSpotDispositions() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            #expect(connector.capabilities.dispositions && connector.capabilities.owners)
            let listed = try await connector.dispositions()
            #expect(listed.count == 7)
            #expect(listed.contains(CallDisposition(id: Self.connected, label: "Connected")))
            #expect(listed.last == CallDisposition(id: SandboxCRMDirectory.portalDisposition.id, label: "Meeting booked"))

            harness.sandbox.directory.addDisposition(id: "later", label: "Added later")
            #expect(try await connector.dispositions() == listed)
            #expect(harness.sandbox.requestCount(for: "dispositions.list") == 1)
            #expect(try await harness.connector().dispositions().last?.label == "Added later")
        }
    }

    @Test("HubSpot: a chosen disposition is written as the portal's GUID, by label or id; the result's otherwise")
    func hubSpotWritesDisposition() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            let contact = Contact(id: "1003", name: "Carmen Dubois")
            var chosen = CallLogEntry.fixture(marker: "log-1", contact: contact)
            chosen.disposition = "meeting BOOKED"
            _ = try await connector.createCallRecord(chosen)
            chosen.marker = "log-2"
            chosen.disposition = Self.noAnswer
            _ = try await connector.createCallRecord(chosen)
            _ = try await connector.createCallRecord(.fixture(marker: "log-3", contact: contact, result: .missed))

            let written = harness.sandbox.calls.map { $0.properties["hs_call_disposition"] }
            #expect(written == [SandboxCRMDirectory.portalDisposition.id, Self.noAnswer, Self.noAnswer])
        }
    }

    @Test("HubSpot: a portal without the result's outcome gets none; an unknown choice is refused naming hs_call_disposition")
    func hubSpotMissingDisposition() async throws {
        try await HubSpotHarness.run { harness in
            harness.sandbox.directory.removeDisposition(label: "Connected")
            let contact = Contact(id: "1003", name: "Carmen Dubois")
            _ = try await harness.connector().createCallRecord(.fixture(contact: contact))
            #expect(harness.sandbox.calls.first?.properties["hs_call_disposition"] == nil)

            var entry = CallLogEntry.fixture(marker: "log-2", contact: contact)
            entry.disposition = "Very happy"
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(entry) })
            #expect(error.kind == .validationFailed(field: "hs_call_disposition"))
            #expect(error.operation == "hubspot.createCall")
            #expect(harness.sandbox.calls.count == 1)
        }
    }

    @Test("HubSpot: an update that does not write the disposition leaves the one stored (a person's)")
    func hubSpotUpdateKeepsDisposition() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            var entry = CallLogEntry.fixture(contact: Contact(id: "1003", name: "Carmen Dubois"))
            entry.disposition = "Meeting booked"
            let id = try await connector.createCallRecord(entry)
            var later = entry.revised(otherContact: Contact(id: "1004", name: "Dmitri Volkov"))
            later.disposition = nil
            later.writesDisposition = false

            try await connector.updateCallRecord(id, with: later)

            let call = try #require(harness.sandbox.call(id: id.rawValue))
            #expect(call.properties["hs_call_disposition"] == SandboxCRMDirectory.portalDisposition.id)
            #expect(call.properties["hs_call_title"] == later.subject)
        }
    }

    @Test("HubSpot: owners are read page by page (after), archived ones left out")
    func hubSpotOwners() async throws {
        try await HubSpotHarness.run { harness in
            for index in 0..<520 { harness.sandbox.directory.addUser(firstName: "User", lastName: "\(index)", email: "user\(index)@example.com") }
            let users = try await harness.connector().users()

            let employees = HubSpotHarness.company.employees.count
            #expect(users.count == employees + 520)
            #expect(!users.contains { $0.email == "former@callscribe.test" })
            let first = try #require(users.first)
            #expect(first == CRMUser(id: "41629001", name: HubSpotHarness.company.employees[0].name, email: "ext\(HubSpotHarness.company.employees[0].extensionNumber)@callscribe.test"))
            #expect(harness.sandbox.requestCount(for: "owners.list") == 2)
        }
    }

    @Test("Salesforce: CallDisposition is free text (no list), a chosen one is written as typed; users by SOQL, active only")
    func salesforce() async throws {
        try await SalesforceHarness.run { harness in
            let connector = harness.connector()
            #expect(connector.capabilities.dispositions && connector.capabilities.owners && connector.capabilities.leads)
            #expect(try await connector.dispositions().isEmpty)

            var entry = CallLogEntry.fixture(contact: try SalesforceConnectorCallTests.contact(harness))
            entry.disposition = "Left a message with reception"
            let id = try await connector.createCallRecord(entry)
            #expect(harness.sandbox.tasks.first?.fields["CallDisposition"] == .string("Left a message with reception"))

            entry.disposition = nil
            entry.writesDisposition = false
            try await connector.updateCallRecord(id, with: entry)
            #expect(harness.sandbox.tasks.first?.fields["CallDisposition"] == .string("Left a message with reception"))

            let users = try await connector.users()
            #expect(users.count == SalesforceHarness.company.employees.count)
            #expect(users.allSatisfy { $0.id.hasPrefix("005") && $0.active && $0.email.hasSuffix("@callscribe.test") })
            #expect(harness.sandbox.receivedQueries.contains("SELECT Id, Name, Email, IsActive FROM User WHERE IsActive = true"))
        }
    }

    @Test("Salesforce: an org that made CallDisposition a picklist offers its values")
    func salesforcePicklist() async throws {
        try await SalesforceHarness.run { harness in
            harness.sandbox.directory.callDispositionPicklist = ["Interested", "Not interested"]
            let offered = try await harness.connector().dispositions()
            #expect(offered == [CallDisposition(id: "Interested", label: "Interested"), CallDisposition(id: "Not interested", label: "Not interested")])
        }
    }

    @Test("Salesforce: people found are tagged contact or lead")
    func salesforceKinds() async throws {
        try await SalesforceHarness.run { harness in
            let customer = SalesforceHarness.company.customers[0]
            _ = harness.sandbox.addLead(firstName: "Lena", lastName: "Lead", phone: customer.phoneNumber)
            let found = try await harness.connector().findContacts(matching: try #require(PhoneNumber(parsing: customer.phoneNumber, defaultCountryCode: "1")))

            #expect(found.contains { $0.kind == .lead && $0.name == "Lena Lead" })
            #expect(found.contains { $0.kind == .contact })
        }
    }

    @Test("Pipedrive: users from /v1/users, deactivated ones left out; the call logs' six outcomes as dispositions, without a request")
    func pipedrive() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            #expect(connector.capabilities.dispositions && connector.capabilities.owners)
            let outcomes = try await connector.dispositions()
            #expect(outcomes.map(\.id) == ["connected", "no_answer", "left_message", "left_voicemail", "wrong_number", "busy"])
            #expect(outcomes.map(\.label) == ["Connected", "No answer", "Left message", "Left voicemail", "Wrong number", "Busy"])
            #expect(harness.sandbox.requestCount == 0)
            let users = try await connector.users()
            #expect(users.count == PipedriveHarness.company.employees.count)
            #expect(users.first?.id == "20000001")
            #expect(!users.contains { $0.email == "former@callscribe.test" })
            #expect(harness.sandbox.requestCount(for: "users.list") == 1)
        }
    }
}
