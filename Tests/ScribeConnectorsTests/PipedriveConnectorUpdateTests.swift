import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("PipedriveConnector updates and reads back call activities", .sharedHTTPClient)
struct PipedriveConnectorUpdateTests {
    static let contact = Contact(id: "1003", name: "Carmen Dubois")
    static let otherContact = Contact(id: "1004", name: "Dmitri Volkov")

    /// A missed call created in the sandbox, and its id.
    static func created(_ harness: PipedriveHarness) async throws -> (CallLogEntry, CRMRecordID) {
        let entry = CallLogEntry.fixture(contact: Self.contact, result: .missed)
        return (entry, try await harness.connector().createCallRecord(entry))
    }

    @Test("rewrites subject and note and keeps it done; the person, the time and the marker stay")
    func updatesOwnedFields() async throws {
        try await PipedriveHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            let before = try #require(harness.sandbox.activity(id: 5001))
            let revised = entry.revised(otherContact: Self.otherContact)

            try await harness.connector().updateCallRecord(id, with: revised)

            let activity = try #require(harness.sandbox.activity(id: 5001))
            #expect(activity.subject == "Voicemail from Carmen Dubois")
            #expect(activity.note == revised.body)
            #expect(activity.done)
            #expect(activity.type == "call")
            #expect(activity.participants == [.init(personID: 1003, primary: true)])
            #expect(activity.personID == 1003)
            #expect(activity.dueDate == "2025-03-04")
            #expect(activity.dueTime == "09:15")
            #expect(activity.duration == "00:05")
            #expect(activity.publicDescription == "callscribe:log-0001")
            #expect(activity.addTime == before.addTime)
            #expect(activity.updateTime >= before.updateTime)
            #expect(harness.sandbox.requestCount(for: "activities.update") == 1)
            #expect(harness.sandbox.activities.count == 1)
        }
    }

    @Test("reads back exactly what was written, after the create and after an update")
    func readsBack() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            let (entry, id) = try await Self.created(harness)

            #expect(try await connector.readCallRecord(id) == entry.snapshot)

            let revised = entry.revised(otherContact: Self.otherContact)
            try await connector.updateCallRecord(id, with: revised)

            let snapshot = try await connector.readCallRecord(id)
            #expect(snapshot == revised.snapshot)
            #expect(snapshot.body.hasSuffix("</p>\n"))
            #expect(harness.sandbox.requestCount(for: "activities.get") == 2)
        }
    }

    @Test("reads what a person changed in Pipedrive")
    func readsPersonsEdit() async throws {
        try await PipedriveHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            let edited = "<p>Customer wants a call back on Monday</p>"

            // A person editing the activity in Pipedrive is a PATCH like any other client's.
            let patched = try await harness.raw(.PATCH, "/api/v2/activities/\(id.rawValue)", json: #"{"note":"\#(edited)","subject":"Call back Monday"}"#)
            #expect(patched.status == 200)
            #expect(try patched.jsonObject["success"] as? Bool == true)

            let snapshot = try await harness.connector().readCallRecord(id)
            #expect(snapshot == CallRecordSnapshot(subject: "Call back Monday", body: edited))
            #expect(snapshot != entry.snapshot)
        }
    }

    @Test("reading or updating an activity that does not exist is notFound")
    func missingActivity() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()

            let read = try #require(await expectConnectorError { _ = try await connector.readCallRecord("9999") })
            #expect(read.kind == .notFound)
            #expect(read.status == 404)
            #expect(read.operation == "pipedrive.readCall")
            #expect(read.message == "Activity not found")

            let update = try #require(await expectConnectorError { try await connector.updateCallRecord("9999", with: .fixture(contact: Self.contact)) })
            #expect(update.kind == .notFound)
            #expect(update.operation == "pipedrive.updateCall")
        }
    }

    @Test("an id that is not a Pipedrive id is refused before sending")
    func nonNumericID() async throws {
        try await PipedriveHarness.run { harness in
            let error = try #require(await expectConnectorError { _ = try await harness.connector().readCallRecord("../persons/1003") })

            #expect(error.kind == .validationFailed(field: "id"))
            #expect(harness.sandbox.requestCount == 0)
        }
    }

    @Test("the sandbox refuses an update of the person, and 404s an unknown activity with Pipedrive's body")
    func sandboxRefusals() async throws {
        try await PipedriveHarness.run { harness in
            let (_, id) = try await Self.created(harness)

            let readOnly = try await harness.raw(.PATCH, "/api/v2/activities/\(id.rawValue)", json: #"{"person_id":1004}"#)
            #expect(readOnly.status == 400)
            #expect(try readOnly.jsonObject["code"] as? String == "ERR_BAD_REQUEST")

            let unknownField = try await harness.raw(.PATCH, "/api/v2/activities/\(id.rawValue)", json: #"{"outcome":"connected"}"#)
            #expect(unknownField.status == 400)
            #expect(try unknownField.jsonObject["error"] as? String == "Validation failed: outcome: unknown field")

            let missing = try await harness.raw(.PATCH, "/api/v2/activities/9999", json: #"{"note":"x"}"#)
            #expect(missing.status == 404)
            let body = try missing.jsonObject
            #expect(body["success"] as? Bool == false)
            #expect(body["error"] as? String == "Activity not found")
            #expect(body["code"] as? String == "ERR_NOT_FOUND")
            #expect(body["data"] is NSNull)
            #expect(harness.sandbox.activity(id: 5001)?.participants == [.init(personID: 1003, primary: true)])
        }
    }

    @Test("a 429 on update is rateLimited with the Retry-After wait, and changes nothing")
    func rateLimitedUpdate() async throws {
        try await PipedriveHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            harness.sandbox.failNext(count: 1, status: 429, retryAfter: 7)

            let error = try #require(await expectConnectorError { try await harness.connector().updateCallRecord(id, with: entry.revised(otherContact: Self.otherContact)) })

            #expect(error.kind == .rateLimited(retryAfter: 7))
            #expect(error.status == 429)
            #expect(error.operation == "pipedrive.updateCall")
            #expect(harness.sandbox.activity(id: 5001)?.note == entry.body)
            #expect(harness.sandbox.requestCount(for: "activities.update") == 1)
        }
    }

    @Test("a wrong token on update and on read is authExpired, and changes nothing")
    func wrongTokenUpdate() async throws {
        try await PipedriveHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            let secret = "pd-wrong-secret-value-7723"
            let connector = harness.connector(token: secret)

            let update = try #require(await expectConnectorError { try await connector.updateCallRecord(id, with: entry.revised(otherContact: Self.otherContact)) })
            #expect(update.kind == .authExpired)
            #expect(update.status == 401)
            #expect(!update.description.contains(secret))
            let read = try #require(await expectConnectorError { _ = try await connector.readCallRecord(id) })
            #expect(read.kind == .authExpired)
            #expect(harness.sandbox.activity(id: 5001)?.subject == entry.subject)
        }
    }

    @Test("an outage on read is transient")
    func outageRead() async throws {
        try await PipedriveHarness.run { harness in
            let (_, id) = try await Self.created(harness)
            harness.sandbox.outage = true

            let error = try #require(await expectConnectorError { _ = try await harness.connector().readCallRecord(id) })

            #expect(error.kind == .transient)
            #expect(error.status == 503)
        }
    }
}
