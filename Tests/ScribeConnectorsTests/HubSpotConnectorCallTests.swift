import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("HubSpotConnector writes call records", .sharedHTTPClient)
struct HubSpotConnectorCallTests {
    static let contact = Contact(id: "1003", name: "Carmen Dubois")

    @Test("creates a call with exactly the expected properties and one contact association")
    func createsCallRecord() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            let entry = CallLogEntry.fixture(contact: Self.contact)

            let id = try await connector.createCallRecord(entry)

            let calls = harness.sandbox.calls
            #expect(calls.count == 1)
            let call = try #require(calls.first)
            #expect(id == CRMRecordID(call.id))
            #expect(call.id == "50000000001")
            #expect(call.contactIDs == ["1003"])
            #expect(
                call.properties == [
                    "hs_timestamp": "2025-03-04T09:15:00.250Z",
                    "hs_call_title": "Inbound call with Carmen Dubois",
                    "hs_call_body": entry.body,
                    "hs_call_duration": "250400",
                    "hs_call_direction": "INBOUND",
                    "hs_call_status": "COMPLETED",
                    "hs_call_disposition": "f240bbac-87c9-4f6e-bf70-924b57d47db7",
                    "hs_call_from_number": "+14155550123",
                    "hs_call_to_number": "+16505550100",
                    "callscribe_log_id": "log-0001",
                ]
            )
            #expect(call.properties["hs_call_body"]?.contains("<p><b>Notes</b>: Asked about &lt;invoices&gt; &amp; refunds</p>") == true)
            #expect(connector.bodyFormat == .html)
            #expect(harness.sandbox.requestCount(for: "calls.create") == 1)
        }
    }

    @Test(
        "maps result and direction to HubSpot's status and disposition",
        arguments: [
            (CallResult.answered, CallDirection.outbound, "COMPLETED", "f240bbac-87c9-4f6e-bf70-924b57d47db7", "OUTBOUND"),
            (CallResult.missed, CallDirection.inbound, "NO_ANSWER", "73a0d17f-1163-4015-bdd5-ec830791da20", "INBOUND"),
            (CallResult.voicemail, CallDirection.inbound, "COMPLETED", "b2cf5968-551e-4856-9783-52b3da59a7d0", "INBOUND"),
        ]
    )
    func mapsResult(result: CallResult, direction: CallDirection, status: String, disposition: String, hubspotDirection: String) async throws {
        try await HubSpotHarness.run { harness in
            let entry = CallLogEntry.fixture(contact: Self.contact, direction: direction, result: result)

            _ = try await harness.connector().createCallRecord(entry)

            let properties = try #require(harness.sandbox.calls.first?.properties)
            #expect(properties["hs_call_status"] == status)
            #expect(properties["hs_call_disposition"] == disposition)
            #expect(properties["hs_call_direction"] == hubspotDirection)
            #expect(properties["hs_call_recording_url"] == nil)
        }
    }

    @Test("sends the recording URL only when there is one")
    func sendsRecordingURL() async throws {
        try await HubSpotHarness.run { harness in
            let entry = CallLogEntry.fixture(contact: Self.contact, recordingURL: "https://media.example.com/rec/77.mp3")

            _ = try await harness.connector().createCallRecord(entry)

            #expect(harness.sandbox.calls.first?.properties["hs_call_recording_url"] == "https://media.example.com/rec/77.mp3")
            #expect(harness.sandbox.calls.first?.properties.count == 11)
        }
    }

    @Test("finds a call record by its marker, and nothing for an unknown marker")
    func findsCallRecordByMarker() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            let first = try await connector.createCallRecord(.fixture(marker: "log-a", contact: Self.contact))
            let second = try await connector.createCallRecord(.fixture(marker: "log-b", contact: Self.contact))

            #expect(try await connector.findCallRecord(marker: "log-b") == second)
            #expect(try await connector.findCallRecord(marker: "log-a") == first)
            #expect(try await connector.findCallRecord(marker: "log-unknown") == nil)
            #expect(first != second)
            #expect(harness.sandbox.requestCount(for: "calls.search") == 3)
        }
    }
}
