import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("Connectors assign new records to the agent's CRM user", .sharedHTTPClient)
struct ConnectorOwnerTests {
    @Test("Pipedrive: owner_id is the mapped user; a non-numeric owner is refused before sending, naming owner_id")
    func pipedrive() async throws {
        try await PipedriveHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: PipedriveConnectorCallTests.contact)
            entry.ownerID = "4242"
            _ = try await harness.connector().createCallRecord(entry)
            let activity = try #require(harness.sandbox.activities.first)
            #expect(activity.ownerID == 4242 && activity.sentFields.contains("owner_id"))

            entry.ownerID = "ada@example.com"
            await #expect(throws: ConnectorError(.validationFailed(field: "owner_id"), operation: "pipedrive.createActivity", message: "the CRM owner 'ada@example.com' is not a Pipedrive user id (a number)")) {
                _ = try await harness.connector().createCallRecord(entry)
            }
            #expect(harness.sandbox.activities.count == 1)
        }
    }

    @Test("HubSpot: hubspot_owner_id is the mapped owner, and absent without a mapping")
    func hubSpot() async throws {
        try await HubSpotHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Contact(id: "1003", name: "Carmen Dubois"))
            _ = try await harness.connector().createCallRecord(entry)
            entry.ownerID = "31337"
            _ = try await harness.connector().createCallRecord(entry)
            let calls = harness.sandbox.calls
            #expect(calls.count == 2)
            #expect(calls[0].properties["hubspot_owner_id"] == nil)
            #expect(calls[1].properties["hubspot_owner_id"] == "31337")
        }
    }

    @Test("Salesforce: OwnerId is the mapped user")
    func salesforce() async throws {
        try await SalesforceHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: try SalesforceConnectorCallTests.contact(harness))
            entry.ownerID = "005000000000042AAA"
            _ = try await harness.connector().createCallRecord(entry)
            #expect(harness.sandbox.tasks.first?.fields["OwnerId"] == .string("005000000000042AAA"))
        }
    }

    @Test("Pipedrive: without a mapping no owner_id is sent")
    func pipedriveUnmapped() async throws {
        try await PipedriveHarness.run { harness in
            _ = try await harness.connector().createCallRecord(.fixture(contact: PipedriveConnectorCallTests.contact))
            #expect(harness.sandbox.activities.first?.sentFields.contains("owner_id") == false)
        }
    }
}
