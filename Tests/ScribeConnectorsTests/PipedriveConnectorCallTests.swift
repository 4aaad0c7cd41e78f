import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("PipedriveConnector writes call activities", .sharedHTTPClient)
struct PipedriveConnectorCallTests {
    static let contact = Contact(id: "1003", name: "Carmen Dubois")

    @Test("creates a done call activity with exactly the expected fields, linked through its primary participant")
    func createsCallActivity() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            let entry = CallLogEntry.fixture(contact: Self.contact)

            let id = try await connector.createCallRecord(entry)

            let activities = harness.sandbox.activities
            #expect(activities.count == 1)
            let activity = try #require(activities.first)
            #expect(id == CRMRecordID(String(activity.id)))
            #expect(activity.id == 5001)
            #expect(activity.sentFields == ["done", "due_date", "due_time", "duration", "note", "participants", "public_description", "subject", "type"])
            #expect(activity.subject == "Inbound call with Carmen Dubois")
            #expect(activity.type == "call")
            #expect(activity.done)
            #expect(!activity.busy)
            // 1_741_079_700.25 is 2025-03-04 09:15:00.25 UTC; 250.4 s rounds up to 5 minutes.
            #expect(activity.dueDate == "2025-03-04")
            #expect(activity.dueTime == "09:15")
            #expect(activity.duration == "00:05")
            #expect(activity.note == entry.body)
            #expect(activity.note?.contains("<p><b>Notes</b>: Asked about &lt;invoices&gt; &amp; refunds</p>") == true)
            #expect(activity.publicDescription == "callscribe:log-0001")
            #expect(activity.participants == [.init(personID: 1003, primary: true)])
            #expect(activity.personID == 1003)
            #expect(connector.bodyFormat == .html)
            // The ended call's activity then becomes its call log: one more request.
            #expect(harness.sandbox.requestCount(for: "activities.create") == 1)
            #expect(harness.sandbox.requestCount(for: "callLogs.create") == 1)
            #expect(harness.sandbox.requestCount == 2)
        }
    }

    @Test("the created activity reads back with the person linked")
    func readsBack() async throws {
        try await PipedriveHarness.run { harness in
            let id = try await harness.connector().createCallRecord(.fixture(contact: Self.contact))

            let response = try await harness.raw(.GET, "/api/v2/activities/\(id.rawValue)")
            #expect(response.status == 200)
            let data = try #require(try response.jsonObject["data"] as? [String: Any])
            #expect(data["person_id"] as? Int == 1003)
            #expect(data["type"] as? String == "call")
            #expect(data["done"] as? Bool == true)
            #expect(data["public_description"] as? String == "callscribe:log-0001")
            let participants = try #require(data["participants"] as? [[String: Any]])
            #expect(participants.first?["primary_flag"] as? Bool == true)
        }
    }

    @Test("a long call's duration keeps hours and rounds up", arguments: [(0.0, "00:00"), (10.0, "00:01"), (60.0, "00:01"), (3_725.0, "01:03")])
    func duration(seconds: Double, expected: String) async throws {
        try await PipedriveHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.duration = seconds

            _ = try await harness.connector().createCallRecord(entry)

            #expect(harness.sandbox.activities.first?.duration == expected)
        }
    }

    @Test("finds an activity by its marker, and nothing for an unknown marker")
    func findsCallRecordByMarker() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            let first = try await connector.createCallRecord(.fixture(marker: "log-a", contact: Self.contact))
            let second = try await connector.createCallRecord(.fixture(marker: "log-b", contact: Contact(id: "1004", name: "Dmitri")))

            #expect(try await connector.findCallRecord(marker: "log-b") == second)
            #expect(try await connector.findCallRecord(marker: "log-a") == first)
            #expect(try await connector.findCallRecord(marker: "log-unknown") == nil)
            #expect(first != second)
            #expect(harness.sandbox.requestCount(for: "activities.list") == 3)
        }
    }

    @Test("finds a marker past the first page of activities")
    func findsMarkerOnLaterPage() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            let wanted = try await connector.createCallRecord(.fixture(marker: "log-oldest", contact: Self.contact))
            for index in 0..<501 {
                _ = try await connector.createCallRecord(.fixture(marker: CallLogID("log-\(index)"), contact: Self.contact))
            }
            harness.sandbox.resetCounters()

            #expect(try await connector.findCallRecord(marker: "log-oldest") == wanted)
            #expect(harness.sandbox.requestCount(for: "activities.list") == 2)
        }
    }

    @Test("a contact id that is not a Pipedrive id is refused before sending")
    func nonNumericContact() async throws {
        try await PipedriveHarness.run { harness in
            do {
                _ = try await harness.connector().createCallRecord(.fixture(contact: Contact(id: "abc", name: "Nobody")))
                Issue.record("expected a ConnectorError")
            } catch let error as ConnectorError {
                #expect(error.kind == .validationFailed(field: "person_id"))
            } catch {
                Issue.record("expected a ConnectorError, got \(error)")
            }
            #expect(harness.sandbox.requestCount == 0)
        }
    }
}
