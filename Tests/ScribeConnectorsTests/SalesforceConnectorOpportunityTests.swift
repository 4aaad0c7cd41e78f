import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("SalesforceConnector opportunities", .sharedHTTPClient)
struct SalesforceConnectorOpportunityTests {
    @Test("lists a contact's open opportunities through its contact roles, with one SOQL query")
    func listsOpenOpportunities() async throws {
        try await SalesforceHarness.run { harness in
            let contacts = harness.sandbox.contacts
            let opportunities = harness.sandbox.opportunities
            let records = try await harness.connector().relatedRecords(of: ContactID(contacts[0].id))
            #expect(records == [
                RelatedRecord(id: opportunities[0].id, kind: "opportunity", name: "Annual renewal"),
                RelatedRecord(id: opportunities[1].id, kind: "opportunity", name: "Upgrade to Premium"),
            ])
            #expect(harness.sandbox.receivedQueries.count == 1)
            #expect(harness.sandbox.receivedQueries.first?.contains("FROM OpportunityContactRole") == true)
            let found1 = try await harness.connector().relatedRecords(of: ContactID(contacts[1].id))
            #expect(found1.map(\.id) == [opportunities[3].id])
            let found2 = try await harness.connector().relatedRecords(of: ContactID(contacts[5].id))
            #expect(found2.isEmpty)
        }
    }

    @Test("the Task is created with the opportunity as its WhatId")
    func createsWithOpportunity() async throws {
        try await SalesforceHarness.run { harness in
            let person = try #require(harness.sandbox.contacts.first)
            let opportunity = harness.sandbox.opportunities[1]
            var entry = CallLogEntry.fixture(contact: Contact(id: ContactID(person.id), name: person.name))
            entry.relatedRecord = RelatedRecord(id: opportunity.id, kind: "opportunity", name: opportunity.name)
            _ = try await harness.connector().createCallRecord(entry)
            let task = try #require(harness.sandbox.tasks.first)
            #expect(task.fields["WhatId"] == .string(opportunity.id))
            #expect(task.fields["WhoId"] == .string(person.id))
        }
    }

    @Test("an unknown opportunity is Salesforce's INVALID_CROSS_REFERENCE_KEY on WhatId, and nothing is created")
    func unknownOpportunityRefused() async throws {
        try await SalesforceHarness.run { harness in
            let person = try #require(harness.sandbox.contacts.first)
            var entry = CallLogEntry.fixture(contact: Contact(id: ContactID(person.id), name: person.name))
            entry.relatedRecord = RelatedRecord(id: "0065g0000099999", kind: "opportunity", name: "")
            let error = await expectConnectorError { _ = try await harness.connector().createCallRecord(entry) }
            #expect(error?.status == 400)
            #expect(error?.message.contains("INVALID_CROSS_REFERENCE_KEY") == true || error?.message.contains("invalid cross reference id") == true)
            #expect(harness.sandbox.tasks.isEmpty)
        }
    }
}
