import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

/// An ended call's activity becomes its Pipedrive call log (`POST /v1/callLogs` with `activity_id`),
/// carrying the outcome: the one a person chose, or the one the call's result means.
@Suite("PipedriveConnector turns ended calls' activities into call logs with their outcome", .sharedHTTPClient)
struct PipedriveConnectorCallLogTests {
    static let contact = Contact(id: "1003", name: "Carmen Dubois")

    /// The fixture as a call still going: created when it connected.
    static func ongoing() -> CallLogEntry {
        var entry = CallLogEntry.fixture(contact: Self.contact)
        entry.inProgress = true
        entry.duration = 0
        return entry
    }

    @Test("an ended call's activity becomes a call log with exactly the expected fields")
    func convertsOnCreate() async throws {
        try await PipedriveHarness.run { harness in
            let entry = CallLogEntry.fixture(contact: Self.contact)
            let id = try await harness.connector().createCallRecord(entry)

            let log = try #require(harness.sandbox.callLogs.first)
            #expect(harness.sandbox.callLogs.count == 1)
            #expect(id.rawValue == "5001")
            #expect(log.activityID == 5001)
            #expect(
                log.sentFields == ["activity_id", "duration", "end_time", "from_phone_number", "note", "outcome", "start_time", "subject", "to_phone_number"]
            )
            #expect(log.outcome == "connected")
            #expect(log.fromPhoneNumber == "+14155550123")
            #expect(log.toPhoneNumber == "+16505550100")
            // 1_741_079_700.25 is 2025-03-04 09:15:00.25 UTC; 250.4 s is 250 whole seconds.
            #expect(log.startTime == "2025-03-04 09:15:00")
            #expect(log.endTime == "2025-03-04 09:19:10")
            #expect(log.duration == "250")
            #expect(log.subject == entry.subject)
            #expect(log.note == entry.body)
            #expect(log.personID == 1003, "the call log keeps the activity's person")
            let activity = try #require(harness.sandbox.activity(id: 5001))
            #expect(activity.callLogID == log.id)
            #expect(activity.publicDescription == "callscribe:log-0001", "the marker stays for crash recovery")
            #expect(harness.sandbox.activities.count == 1, "the call log is the activity, not a second one")

            let read = try await harness.raw(.GET, "/api/v1/callLogs/\(log.id)")
            #expect(read.status == 200)
            let data = try #require(try read.jsonObject["data"] as? [String: Any])
            #expect(data["activity_id"] as? Int == 5001)
            #expect(data["outcome"] as? String == "connected")
            #expect(data["has_recording"] as? Bool == false)
        }
    }

    @Test("without a chosen disposition the outcome follows the call's result", arguments: [
        (CallResult.answered, "connected"), (.missed, "no_answer"), (.voicemail, "left_voicemail"),
    ])
    func outcomeFromResult(result: CallResult, outcome: String) async throws {
        try await PipedriveHarness.run { harness in
            _ = try await harness.connector().createCallRecord(.fixture(contact: Self.contact, result: result))
            #expect(harness.sandbox.callLogs.map(\.outcome) == [outcome])
        }
    }

    @Test("a chosen disposition is written as its outcome, named by label or by API value", arguments: [
        ("Left message", "left_message"), ("busy", "busy"), ("wrong number", "wrong_number"),
    ])
    func chosenDisposition(chosen: String, outcome: String) async throws {
        try await PipedriveHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.disposition = chosen
            _ = try await harness.connector().createCallRecord(entry)
            #expect(harness.sandbox.callLogs.map(\.outcome) == [outcome])
        }
    }

    @Test("a disposition that is not one of Pipedrive's outcomes (chosen for another CRM) leaves the outcome the result means")
    func foreignDisposition() async throws {
        try await PipedriveHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact, result: .missed)
            entry.disposition = "Meeting booked"
            _ = try await harness.connector().createCallRecord(entry)
            #expect(harness.sandbox.callLogs.map(\.outcome) == ["no_answer"])
        }
    }

    @Test("the call log spans from the first ring to the hang-up; its duration is the talk time")
    func times() async throws {
        try await PipedriveHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.endedAt = entry.startedAt.addingTimeInterval(262)
            _ = try await harness.connector().createCallRecord(entry)
            let log = try #require(harness.sandbox.callLogs.first)
            #expect(log.startTime == "2025-03-04 09:15:00")
            #expect(log.endTime == "2025-03-04 09:19:22")
            #expect(log.duration == "250")
        }
    }

    @Test("a call still going gets no call log; the update at hang-up makes one; later updates that leave the disposition send none")
    func stagedWrites() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            let id = try await connector.createCallRecord(Self.ongoing())
            #expect(harness.sandbox.callLogs.isEmpty)
            #expect(harness.sandbox.activity(id: 5001)?.done == false)

            var ended = CallLogEntry.fixture(contact: Self.contact)
            try await connector.updateCallRecord(id, with: ended)
            #expect(harness.sandbox.callLogs.map(\.outcome) == ["connected"])
            #expect(harness.sandbox.activity(id: 5001)?.done == true)

            ended.body += "<p><b>Summary</b>: Wants a refund</p>"
            ended.writesDisposition = false
            try await connector.updateCallRecord(id, with: ended)
            #expect(harness.sandbox.requestCount(for: "callLogs.create") == 1)
            #expect(harness.sandbox.activity(id: 5001)?.note == ended.body, "the activity still takes the engine's text")
        }
    }

    @Test("an outcome chosen later replaces the call log (Pipedrive cannot change one); the activity stays")
    func outcomeChangedLater() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            var entry = CallLogEntry.fixture(contact: Self.contact)
            let id = try await connector.createCallRecord(entry)
            let first = try #require(harness.sandbox.callLogs.first)

            entry.disposition = "Left message"
            try await connector.updateCallRecord(id, with: entry)

            let logs = harness.sandbox.callLogs
            #expect(logs.count == 1)
            #expect(logs.first?.outcome == "left_message")
            #expect(logs.first?.activityID == 5001)
            #expect(logs.first?.id != first.id)
            #expect(harness.sandbox.activities.count == 1)
            #expect(harness.sandbox.activity(id: 5001)?.callLogID == logs.first?.id)
            // Refused once (409), found in the user's call logs, deleted, made again.
            #expect(harness.sandbox.requestCount(for: "callLogs.create") == 3)
            #expect(harness.sandbox.requestCount(for: "callLogs.list") == 1)
            #expect(harness.sandbox.requestCount(for: "callLogs.delete") == 1)
        }
    }

    @Test("the call log to replace is found past the first page of the user's call logs")
    func replaceFoundOnLaterPage() async throws {
        try await PipedriveHarness.run { harness in
            for _ in 0..<60 {
                let made = try await harness.raw(
                    .POST, "/api/v1/callLogs",
                    json: #"{"person_id":1004,"outcome":"busy","to_phone_number":"+16505550100","start_time":"2025-03-04 08:00:00","end_time":"2025-03-04 08:01:00"}"#
                )
                #expect(made.status == 200)
            }
            let connector = harness.connector()
            var entry = CallLogEntry.fixture(contact: Self.contact)
            let id = try await connector.createCallRecord(entry)
            harness.sandbox.resetCounters()

            entry.disposition = "No answer"
            try await connector.updateCallRecord(id, with: entry)

            #expect(harness.sandbox.callLog(ofActivity: Int(id.rawValue)!)?.outcome == "no_answer")
            #expect(harness.sandbox.callLogs.count == 61)
            #expect(harness.sandbox.requestCount(for: "callLogs.list") == 2)
        }
    }

    @Test("the same outcome sent again (a write repeated after a crash) leaves the call log alone")
    func sameOutcomeAgain() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            let entry = CallLogEntry.fixture(contact: Self.contact)
            let id = try await connector.createCallRecord(entry)
            let first = try #require(harness.sandbox.callLogs.first)

            try await connector.updateCallRecord(id, with: entry)

            #expect(harness.sandbox.callLogs == [first])
            #expect(harness.sandbox.requestCount(for: "callLogs.delete") == 0)
        }
    }

    @Test("a call log the API user cannot list (another user's) keeps its outcome: quietly for the result's, an error naming the activity for a person's choice")
    func othersCallLog() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            let id = try await connector.createCallRecord(Self.ongoing())
            let converted = try await harness.raw(
                .POST, "/api/v1/callLogs",
                json: #"{"activity_id":5001,"user_id":20000002,"outcome":"busy","to_phone_number":"+16505550100","start_time":"2025-03-04 09:15:00","end_time":"2025-03-04 09:16:00"}"#
            )
            #expect(converted.status == 200)

            try await connector.updateCallRecord(id, with: .fixture(contact: Self.contact))
            #expect(harness.sandbox.callLogs.map(\.outcome) == ["busy"])

            var chosen = CallLogEntry.fixture(contact: Self.contact)
            chosen.disposition = "Connected"
            let error = await #expect(throws: ConnectorError.self) { try await connector.updateCallRecord(id, with: chosen) }
            #expect(error?.kind == .permanent)
            #expect(error?.status == 409)
            #expect(error?.message.contains("activity 5001") == true && error?.message.contains("not among this user's call logs") == true)
            #expect(harness.sandbox.callLogs.map(\.outcome) == ["busy"], "nothing of theirs was deleted")
        }
    }

    @Test("a call log holding a recording is not replaced, which would delete the recording")
    func recordingKept() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            var entry = CallLogEntry.fixture(contact: Self.contact)
            let id = try await connector.createCallRecord(entry)
            let log = try #require(harness.sandbox.callLogs.first)
            harness.sandbox.attachRecording(toCallLog: log.id)

            entry.disposition = "Busy"
            let error = await #expect(throws: ConnectorError.self) { try await connector.updateCallRecord(id, with: entry) }
            #expect(error?.message.contains("recording") == true)
            #expect(harness.sandbox.callLogs.map(\.id) == [log.id])
            #expect(harness.sandbox.requestCount(for: "callLogs.delete") == 0)
        }
    }

    @Test("a call log refused after its activity was made: the create fails naming the activity, and an update of it writes the call log")
    func callLogFailsAfterActivity() async throws {
        try await PipedriveHarness.run { harness in
            let connector = harness.connector()
            let entry = CallLogEntry.fixture(contact: Self.contact)
            harness.sandbox.failNext(status: 503, operation: "callLogs.create")

            let error = await #expect(throws: ConnectorError.self) { try await connector.createCallRecord(entry) }
            #expect(error?.kind == .transient)
            #expect(error?.createdRecord == "5001", "the error names the activity that was made")
            #expect(harness.sandbox.callLogs.isEmpty)

            let found = try #require(try await connector.findCallRecord(marker: entry.marker))
            #expect(found == "5001")
            try await connector.updateCallRecord(found, with: entry)
            #expect(harness.sandbox.callLogs.map(\.activityID) == [5001])
            #expect(harness.sandbox.activities.count == 1)
        }
    }

    @Test("a call without the number it reached is logged as its activity alone: a call log requires that number")
    func missingToNumber() async throws {
        try await PipedriveHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.toNumber = " "
            let id = try await harness.connector().createCallRecord(entry)
            #expect(id == "5001")
            #expect(harness.sandbox.activity(id: 5001)?.done == true)
            #expect(harness.sandbox.callLogs.isEmpty)
            #expect(harness.sandbox.requestCount(for: "callLogs.create") == 0)
        }
    }
}
