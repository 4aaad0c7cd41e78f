import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

/// A record created while the call lasts ("create when the call connects") says so in each CRM's
/// own terms, and the update at hang-up completes it with the call's length.
@Suite("Connectors: records of calls in progress", .sharedHTTPClient)
struct ConnectorInProgressTests {
    /// The fixture's call, still going: no length yet.
    static func talking(_ contact: Contact) -> CallLogEntry {
        var entry = CallLogEntry.fixture(contact: contact)
        entry.inProgress = true
        entry.duration = 0
        return entry
    }

    /// The same call once it has ended.
    static func ended(_ entry: CallLogEntry) -> CallLogEntry {
        var ended = entry
        ended.inProgress = false
        ended.duration = 250.4
        return ended
    }

    @Test("HubSpot: IN_PROGRESS with no duration, then COMPLETED with the duration in milliseconds")
    func hubSpot() async throws {
        try await HubSpotHarness.run { harness in
            let entry = Self.talking(Contact(id: "1003", name: "Carmen Dubois"))
            let id = try await harness.connector().createCallRecord(entry)
            let during = try #require(harness.sandbox.call(id: id.rawValue))
            #expect(during.properties["hs_call_status"] == "IN_PROGRESS")
            #expect(during.properties["hs_call_duration"] == "0")

            try await harness.connector().updateCallRecord(id, with: Self.ended(entry))
            let after = try #require(harness.sandbox.call(id: id.rawValue))
            #expect(after.properties["hs_call_status"] == "COMPLETED")
            #expect(after.properties["hs_call_duration"] == "250400")
        }
    }

    @Test("Pipedrive: an activity not done yet, then done with its duration")
    func pipedrive() async throws {
        try await PipedriveHarness.run { harness in
            let entry = Self.talking(Contact(id: "1003", name: "Carmen Dubois"))
            let id = try await harness.connector().createCallRecord(entry)
            let activityID = try #require(Int(id.rawValue))
            let during = try #require(harness.sandbox.activity(id: activityID))
            #expect(!during.done)
            #expect(during.duration == "00:00")

            try await harness.connector().updateCallRecord(id, with: Self.ended(entry))
            let after = try #require(harness.sandbox.activity(id: activityID))
            #expect(after.done)
            #expect(after.duration == "00:05")
        }
    }

    @Test("Salesforce: a Task In Progress with no duration, then Completed with CallDurationInSeconds")
    func salesforce() async throws {
        try await SalesforceHarness.run { harness in
            let person = try #require(harness.sandbox.contacts.first)
            let entry = Self.talking(Contact(id: ContactID(person.id), name: person.name))
            let id = try await harness.connector().createCallRecord(entry)
            let during = try #require(harness.sandbox.task(id: id.rawValue))
            #expect(during.fields["Status"] == "In Progress")
            #expect(during.fields["CallDurationInSeconds"] == 0)

            try await harness.connector().updateCallRecord(id, with: Self.ended(entry))
            let after = try #require(harness.sandbox.task(id: id.rawValue))
            #expect(after.fields["Status"] == "Completed")
            #expect(after.fields["CallDurationInSeconds"] == 250)
        }
    }
}
