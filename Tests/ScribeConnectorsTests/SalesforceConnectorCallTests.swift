import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("SalesforceConnector writes call Tasks", .sharedHTTPClient)
struct SalesforceConnectorCallTests {
    /// The first seeded contact's id, for entries.
    static func contact(_ harness: SalesforceHarness) throws -> Contact {
        let person = try #require(harness.sandbox.contacts.first)
        return Contact(id: ContactID(person.id), name: person.name)
    }

    @Test("creates a Task with exactly the expected fields")
    func createsTask() async throws {
        try await SalesforceHarness.run { harness in
            let connector = harness.connector()
            let contact = try Self.contact(harness)
            let entry = CallLogEntry.fixture(contact: contact)

            let id = try await connector.createCallRecord(entry)

            let tasks = harness.sandbox.tasks
            #expect(tasks.count == 1)
            let task = try #require(tasks.first)
            #expect(id == CRMRecordID(task.id))
            #expect(task.id.count == 18)
            #expect(task.id.hasPrefix("00T"))
            #expect(
                task.fields == [
                    "Subject": .string("Inbound call with \(contact.name)"),
                    "WhoId": .string(contact.id.rawValue),
                    "ActivityDate": "2025-03-04",
                    "Status": "Completed",
                    "TaskSubtype": "Call",
                    "CallType": "Inbound",
                    "CallDurationInSeconds": 250,
                    "CallDisposition": "Answered",
                    "Description": .string(entry.body),
                    "CallObject": "log-0001",
                ]
            )
            // Written verbatim: the engine renders the body, and the fixture's happens to be HTML.
            #expect(task.fields["Description"]?.text == "<p><b>Notes</b>: Asked about &lt;invoices&gt; &amp; refunds</p>")
            #expect(connector.bodyFormat == .plainText)
            #expect(harness.sandbox.requestCount(for: "task.create") == 1)
        }
    }

    @Test(
        "maps direction and result to CallType and CallDisposition",
        arguments: [
            (CallResult.answered, CallDirection.outbound, "Outbound", "Answered"),
            (CallResult.missed, CallDirection.inbound, "Inbound", "Missed"),
            (CallResult.voicemail, CallDirection.inbound, "Inbound", "Voicemail"),
        ]
    )
    func mapsDirectionAndResult(result: CallResult, direction: CallDirection, callType: String, disposition: String) async throws {
        try await SalesforceHarness.run { harness in
            let entry = CallLogEntry.fixture(contact: try Self.contact(harness), direction: direction, result: result)

            _ = try await harness.connector().createCallRecord(entry)

            let fields = try #require(harness.sandbox.tasks.first?.fields)
            #expect(fields["CallType"] == .string(callType))
            #expect(fields["CallDisposition"] == .string(disposition))
            #expect(fields["Status"] == "Completed")
        }
    }

    @Test("finds a Task by its marker, and nothing for an unknown marker")
    func findsTaskByMarker() async throws {
        try await SalesforceHarness.run { harness in
            let connector = harness.connector()
            let contact = try Self.contact(harness)
            let first = try await connector.createCallRecord(.fixture(marker: "log-a", contact: contact))
            let second = try await connector.createCallRecord(.fixture(marker: "log-b", contact: contact))

            #expect(try await connector.findCallRecord(marker: "log-b") == second)
            #expect(try await connector.findCallRecord(marker: "log-a") == first)
            #expect(try await connector.findCallRecord(marker: "log-unknown") == nil)
            #expect(first != second)
            #expect(harness.sandbox.requestCount(for: "query") == 3)
            #expect(harness.sandbox.receivedQueries.first == "SELECT Id FROM Task WHERE CallObject = 'log-b' LIMIT 1")
        }
    }

    @Test("escapes a marker with quotes and backslashes, so it matches itself and nothing else")
    func escapesMarker() async throws {
        try await SalesforceHarness.run { harness in
            let connector = harness.connector()
            let contact = try Self.contact(harness)
            let other = try await connector.createCallRecord(.fixture(marker: "log-plain", contact: contact))
            let marker: CallLogID = #"log-' OR CallObject != 'x\"#
            let quoted = try await connector.createCallRecord(.fixture(marker: marker, contact: contact))

            #expect(try await connector.findCallRecord(marker: marker) == quoted)
            #expect(try await connector.findCallRecord(marker: "log-'") == nil)
            #expect(harness.sandbox.task(id: quoted.rawValue)?.fields["CallObject"] == .string(marker.rawValue))
            #expect(harness.sandbox.receivedQueries.first == #"SELECT Id FROM Task WHERE CallObject = 'log-\' OR CallObject != \'x\\' LIMIT 1"#)
            #expect(other != quoted)
        }
    }
}
