import Foundation
import GRDB
import ScribeCore
@testable import ScribeStore
import Testing

/// A ledger written by the release that had only migration 0001 opens with 0002 applied and its data intact.
@Suite("SQLiteLedgerStore upgrade from 0001")
struct LedgerUpgradeTests {
    typealias L = Ledger

    /// What the 0001 release wrote for a log and its job: the JSON shapes of that release
    /// (an artifact checklist listing every artifact, no progress or request columns).
    static func write0001Ledger(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try LedgerMigrations.migrator.migrate(queue, upTo: "0001_create_ledger")
        let legs = try ["s-1", "s-2"].map { session in
            String(decoding: try JSONEncoder().encode(try #require(L.endedLeg(TelephonySessionID(session)))), as: UTF8.self)
        }
        let checklist = """
            {"states":{"basics":{"written":{}},"notes":{"absent":{}},"disposition":{"absent":{}},"recording":{"absent":{}},\
            "ai_summary":{"absent":{}},"transcript":{"absent":{}},"call_journey":{"absent":{}}}}
            """
        let failedAt900 = L.at(900).timeIntervalSinceReferenceDate
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO call_logs (id, account_id, extension_id, session_id, connection_id, state, state_detail, leg, artifacts,
                        contact, crm_record_id, rendered_hash, note, attempts, started_at, created_at, updated_at)
                    VALUES (?, 'acc-1', 'ext-101', ?, 'conn-hubspot', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    "log-1", "s-1", "logged", #"{"logged":{}}"#, legs[0], checklist,
                    #"{"id":"c-1","name":"Jane Doe","phoneNumbers":["(415) 555-0123"]}"#, "hs-call-1", "85944171f73967e8",
                    "Matched Jane Doe: the only contact with this number.", 1, L.t0.timeIntervalSince1970, L.at(70).timeIntervalSince1970,
                    L.at(71).timeIntervalSince1970,
                ]
            )
            try db.execute(
                sql: """
                    INSERT INTO call_logs (id, account_id, extension_id, session_id, connection_id, state, state_detail, leg, artifacts,
                        contact, crm_record_id, rendered_hash, note, attempts, started_at, created_at, updated_at)
                    VALUES (?, 'acc-1', 'ext-101', ?, 'conn-hubspot', ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    "log-2", "s-2", "failed", #"{"failed":{"reason":"HubSpot answered 503","retryAt":\#(failedAt900)}}"#, legs[1],
                    checklist.replacingOccurrences(of: #""basics":{"written":{}}"#, with: #""basics":{"ready":{}}"#), "HubSpot answered 503", 2,
                    L.t0.timeIntervalSince1970, L.at(70).timeIntervalSince1970, L.at(200).timeIntervalSince1970,
                ]
            )
            try db.execute(
                sql: "INSERT INTO jobs (id, kind, call_log_id, attempts, run_at, lease_until, last_error, dead) VALUES (7, 'write_call_log', 'log-2', 2, ?, NULL, ?, 0)",
                arguments: [L.at(900).timeIntervalSince1970, "HubSpot answered 503"]
            )
        }
        #expect(try queue.read { db in try LedgerMigrations.migrator.appliedMigrations(db) } == ["0001_create_ledger"])
    }

    @Test("opens a 0001 ledger with 0002 applied; its logs and job are intact and take part in the new features")
    func upgrade() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ledger.sqlite").path
            try Self.write0001Ledger(at: path)

            let store = try SQLiteLedgerStore(path: path)
            #expect(try store.appliedMigrations() == ["0001_create_ledger", "0002_call_content_and_progress", "0003_people", "0004_call_links", "0005_recording_archive", "0006_ringcentral_tokens"])

            let logged = try #require(try await store.callLog("log-1"))
            #expect(logged.state == .logged)
            #expect(logged.key == CallLogKey(accountID: "acc-1", extensionID: "ext-101", sessionID: "s-1", connectionID: "conn-hubspot"))
            #expect(logged.leg == L.endedLeg("s-1"))
            #expect(logged.contact == Contact(id: "c-1", name: "Jane Doe", phoneNumbers: ["(415) 555-0123"]))
            #expect(logged.crmRecordID == "hs-call-1")
            #expect(logged.renderedHash == "85944171f73967e8")
            #expect(logged.note == "Matched Jane Doe: the only contact with this number.")
            #expect(logged.attempts == 1)
            #expect(logged.artifacts[.basics] == .written)
            #expect(logged.artifacts[.notes] == .absent)
            #expect(logged.updatedAt == L.at(71))
            // Columns 0002 added start empty.
            #expect(logged.timeline.isEmpty)
            #expect(logged.written.isEmpty)
            #expect(!logged.personEdited)
            #expect(!logged.createAttempted)
            #expect(logged.request == nil)

            let failed = try #require(try await store.callLog("log-2"))
            #expect(failed.state == .failed(reason: "HubSpot answered 503", retryAt: L.at(900)))
            #expect(try await store.callLogCounts() == ["logged": 1, "failed": 1])

            // The old job is still the log's one job: a trigger brings it forward instead of adding another.
            #expect(try await store.nextJobDue() == L.at(900))
            let notes = AgentInput(sessionID: "s-2", extensionID: "ext-101", notes: AgentNotes(text: "Called back", isFinal: true, updatedAt: L.at(500)))
            #expect(try await store.saveAgentInput(notes, now: L.at(500)) == ["log-2"])
            let jobs = try await store.claimJobs(limit: 10, now: L.at(500), leaseUntil: L.at(530))
            #expect(jobs == [Job(id: 7, kind: .writeCallLog, callLogID: "log-2", attempts: 3, runAt: L.at(500), lastError: "HubSpot answered 503")])
            #expect(try await store.content(session: "s-2", extension: "ext-101").notes?.text == "Called back")

            // The new columns take writes.
            let request = PersonRequest(requestedAt: L.at(600), contact: .existing("c-1"))
            try await store.requestLog("log-1", request, now: L.at(600))
            var updated = try #require(try await store.callLog("log-1"))
            #expect(updated.request == request)
            updated.record("Updated the CRM record with notes.", at: L.at(601))
            updated.written = [.basics: "abc"]
            try await store.saveCallLog(updated)
            #expect(try await store.callLog("log-1") == updated)
        }
    }
}
