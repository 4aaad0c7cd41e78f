import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("HubSpotConnector updates and reads back call records", .sharedHTTPClient)
struct HubSpotConnectorUpdateTests {
    static let contact = Contact(id: "1003", name: "Carmen Dubois")
    static let otherContact = Contact(id: "1004", name: "Dmitri Volkov")

    /// A missed call created in the sandbox, and its id.
    static func created(_ harness: HubSpotHarness) async throws -> (CallLogEntry, CRMRecordID) {
        let entry = CallLogEntry.fixture(contact: Self.contact, result: .missed)
        return (entry, try await harness.connector().createCallRecord(entry))
    }

    @Test("rewrites title, body, recording link, status and disposition, and nothing else")
    func updatesOwnedProperties() async throws {
        try await HubSpotHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            let before = try #require(harness.sandbox.call(id: id.rawValue))
            let revised = entry.revised(otherContact: Self.otherContact)

            try await harness.connector().updateCallRecord(id, with: revised)

            let call = try #require(harness.sandbox.call(id: id.rawValue))
            #expect(
                call.properties == [
                    "hs_timestamp": "2025-03-04T09:15:00.250Z",
                    "hs_call_title": "Voicemail from Carmen Dubois",
                    "hs_call_body": revised.body,
                    "hs_call_recording_url": "https://media.example.com/rec/77.mp3",
                    "hs_call_duration": "250400",
                    "hs_call_direction": "INBOUND",
                    "hs_call_status": "COMPLETED",
                    "hs_call_disposition": "b2cf5968-551e-4856-9783-52b3da59a7d0",
                    "hs_call_from_number": "+14155550123",
                    "hs_call_to_number": "+16505550100",
                    "callscribe_log_id": "log-0001",
                ]
            )
            #expect(before.properties["hs_call_status"] == "NO_ANSWER")
            #expect(call.contactIDs == ["1003"])
            #expect(call.createdAt == before.createdAt)
            #expect(call.updatedAt >= before.updatedAt)
            #expect(harness.sandbox.requestCount(for: "calls.update") == 1)
            #expect(harness.sandbox.calls.count == 1)
        }
    }

    @Test("an update without a recording leaves the stored link alone")
    func keepsRecordingLink() async throws {
        try await HubSpotHarness.run { harness in
            let entry = CallLogEntry.fixture(contact: Self.contact, recordingURL: "https://media.example.com/rec/1.mp3")
            let id = try await harness.connector().createCallRecord(entry)
            var revised = entry.revised(otherContact: Self.otherContact)
            revised.recordingURL = nil

            try await harness.connector().updateCallRecord(id, with: revised)

            #expect(harness.sandbox.call(id: id.rawValue)?.properties["hs_call_recording_url"] == "https://media.example.com/rec/1.mp3")
        }
    }

    @Test("reads back exactly what was written, after the create and after an update")
    func readsBack() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            let (entry, id) = try await Self.created(harness)

            #expect(try await connector.readCallRecord(id) == entry.snapshot)

            let revised = entry.revised(otherContact: Self.otherContact)
            try await connector.updateCallRecord(id, with: revised)

            let snapshot = try await connector.readCallRecord(id)
            #expect(snapshot == revised.snapshot)
            #expect(snapshot.body.hasSuffix("</p>\n"))
            #expect(snapshot.fingerprint == revised.snapshot.fingerprint)
            #expect(harness.sandbox.requestCount(for: "calls.read") == 2)
        }
    }

    @Test("reads what a person changed in HubSpot")
    func readsPersonsEdit() async throws {
        try await HubSpotHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            let edited = "<p>Customer wants a call back on Monday</p>"

            // A person editing the call in HubSpot is a PATCH like any other client's.
            let patched = try await harness.raw(.PATCH, "/crm/v3/objects/calls/\(id.rawValue)", json: #"{"properties":{"hs_call_body":"\#(edited)"}}"#)
            #expect(patched.status == 200)

            let snapshot = try await harness.connector().readCallRecord(id)
            #expect(snapshot == CallRecordSnapshot(subject: entry.subject, body: edited))
            #expect(snapshot.fingerprint != entry.snapshot.fingerprint)
        }
    }

    @Test("reading or updating a call that does not exist is notFound")
    func missingCall() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            let missing = CRMRecordID("50000000999")

            let read = try #require(await expectConnectorError { _ = try await connector.readCallRecord(missing) })
            #expect(read.kind == .notFound)
            #expect(read.status == 404)
            #expect(read.operation == "hubspot.readCall")
            #expect(read.message == "resource not found")

            let update = try #require(await expectConnectorError { try await connector.updateCallRecord(missing, with: .fixture(contact: Self.contact)) })
            #expect(update.kind == .notFound)
            #expect(update.operation == "hubspot.updateCall")
            #expect(harness.sandbox.calls.isEmpty)
        }
    }

    @Test("a 429 on update is rateLimited with the Retry-After wait, and changes nothing")
    func rateLimitedUpdate() async throws {
        try await HubSpotHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            let connector = harness.connector()
            // The portal's dispositions are read first (and kept), so the 429 meets the update itself.
            _ = try await connector.dispositions()
            harness.sandbox.failNext(count: 1, status: 429, retryAfter: 7)

            let error = try #require(await expectConnectorError { try await connector.updateCallRecord(id, with: entry.revised(otherContact: Self.otherContact)) })

            #expect(error.kind == .rateLimited(retryAfter: 7))
            #expect(error.status == 429)
            #expect(error.operation == "hubspot.updateCall")
            #expect(harness.sandbox.call(id: id.rawValue)?.properties["hs_call_title"] == entry.subject)
            #expect(harness.sandbox.requestCount(for: "calls.update") == 1)
        }
    }

    @Test("a wrong token on update and on read is authExpired, and changes nothing")
    func wrongTokenUpdate() async throws {
        try await HubSpotHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            let connector = harness.connector(token: "pat-na1-wrong-token")

            let update = try #require(await expectConnectorError { try await connector.updateCallRecord(id, with: entry.revised(otherContact: Self.otherContact)) })
            #expect(update.kind == .authExpired)
            #expect(update.status == 401)
            let read = try #require(await expectConnectorError { _ = try await connector.readCallRecord(id) })
            #expect(read.kind == .authExpired)
            #expect(harness.sandbox.call(id: id.rawValue)?.properties["hs_call_body"] == entry.body)
        }
    }

    @Test("an outage on read is transient")
    func outageRead() async throws {
        try await HubSpotHarness.run { harness in
            let (_, id) = try await Self.created(harness)
            harness.sandbox.outage = true

            let error = try #require(await expectConnectorError { _ = try await harness.connector().readCallRecord(id) })

            #expect(error.kind == .transient)
            #expect(error.status == 503)
        }
    }
}
