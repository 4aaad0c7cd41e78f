import Foundation
import ScribeCore
import ScribeStore
import Testing

/// The outbox keeps one job per log: a trigger brings it forward, revives it, or, while it runs,
/// marks it to run again.
@Suite("SQLiteLedgerStore job queue")
struct LedgerJobQueueTests {
    typealias L = Ledger

    /// A ledger holding `log-1` (session `s-1`) and its job, due at t0+70.
    func withLog(_ kind: StoreKind, _ body: (SQLiteLedgerStore, CallLog) async throws -> Void) async throws {
        try await withStore(kind) { store async throws in
            try await store.saveConnection(L.connection)
            let log = try #require(try await L.claimLog(store, session: "s-1", start: 0, ids: IDSequence()))
            try await body(store, log)
        }
    }

    func claim(_ store: SQLiteLedgerStore, at offset: TimeInterval) async throws -> [Job] {
        try await store.claimJobs(limit: 10, now: L.at(offset), leaseUntil: L.at(offset + 30))
    }

    func notes(at offset: TimeInterval) -> AgentInput {
        AgentInput(sessionID: "s-1", extensionID: "ext-101", notes: AgentNotes(text: "Called back", isFinal: true, updatedAt: L.at(offset)))
    }

    @Test("a log has one job, however many times it is triggered", arguments: StoreKind.allCases)
    func oneJobPerLog(kind: StoreKind) async throws {
        try await withLog(kind) { store, log async throws in
            try await store.saveAgentInput(self.notes(at: 80), now: L.at(80))
            try await store.saveRecording(RecordingLink(recordingID: "rec-1", url: "https://media.example.com/rec-1"), session: "s-1", now: L.at(90))
            try await store.saveInsights(CallInsights(summary: "Quote", transcript: nil), session: "s-1", now: L.at(95))
            try await store.requestLog(log.id, PersonRequest(requestedAt: L.at(99), contact: nil), now: L.at(99))
            let jobs = try await self.claim(store, at: 1000)
            #expect(jobs.map(\.callLogID) == [log.id])
            #expect(jobs.first?.runAt == L.at(70), "triggers never push a job back")
        }
    }

    @Test("a trigger brings a queued job forward, and a later one does not push it back", arguments: StoreKind.allCases)
    func scheduleBringsForward(kind: StoreKind) async throws {
        try await withLog(kind) { store, log async throws in
            let job = try #require(try await self.claim(store, at: 70).first)
            try await store.completeJob(job, log: log, runAgainAt: L.at(900))
            #expect(try await store.nextJobDue() == L.at(900))

            try await store.saveAgentInput(self.notes(at: 300), now: L.at(300))
            #expect(try await store.nextJobDue() == L.at(300))
            try await store.saveRecording(RecordingLink(recordingID: "rec-1", url: "https://media.example.com/rec-1"), session: "s-1", now: L.at(600))
            #expect(try await store.nextJobDue() == L.at(300))

            #expect(try await self.claim(store, at: 299).isEmpty)
            let due = try await self.claim(store, at: 300)
            #expect(due == [Job(id: job.id, kind: .writeCallLog, callLogID: log.id, attempts: 1, runAt: L.at(300))])
        }
    }

    @Test("a trigger revives a dead job with its attempts reset and its error cleared", arguments: StoreKind.allCases)
    func scheduleRevivesDead(kind: StoreKind) async throws {
        try await withLog(kind) { store, log async throws in
            let first = try #require(try await self.claim(store, at: 70).first)
            try await store.failJob(first, log: log, error: "HubSpot answered 503", runAt: L.at(100))
            let second = try #require(try await self.claim(store, at: 100).first)
            #expect(second.attempts == 2)
            try await store.failJob(second, log: log, error: "HubSpot refused the call: 400", runAt: nil)
            #expect(try await store.deadJobs().map(\.attempts) == [2])

            try await store.saveAgentInput(self.notes(at: 500), now: L.at(500))
            #expect(try await store.deadJobs().isEmpty)
            #expect(try await store.nextJobDue() == L.at(500))
            let revived = try await self.claim(store, at: 500)
            #expect(revived == [Job(id: first.id, kind: .writeCallLog, callLogID: log.id, attempts: 1, runAt: L.at(500))])
        }
    }

    @Test(
        "a trigger while the job runs marks it to run again: completing keeps it due, whatever the run asked for",
        arguments: StoreKind.allCases, [nil, Ledger.at(900)] as [Date?]
    )
    func triggerWhileLeased(kind: StoreKind, runAgainAt: Date?) async throws {
        try await withLog(kind) { store, log async throws in
            let running = try #require(try await self.claim(store, at: 70).first)
            try await store.saveAgentInput(self.notes(at: 80), now: L.at(80))
            #expect(try await self.claim(store, at: 80).isEmpty, "still leased")

            try await store.completeJob(running, log: log, runAgainAt: runAgainAt)
            #expect(try await store.nextJobDue() == L.at(70))
            let again = try await self.claim(store, at: 81)
            #expect(again == [Job(id: running.id, kind: .writeCallLog, callLogID: log.id, attempts: 1, runAt: L.at(70))])

            // Nothing triggered during this run: completing removes the job.
            try await store.completeJob(try #require(again.first), log: log)
            #expect(try await store.nextJobDue() == nil)
            #expect(try await self.claim(store, at: 10_000).isEmpty)
        }
    }

    @Test("completing with a time to run again keeps the job for then, its attempts and error reset", arguments: StoreKind.allCases)
    func completeRunAgainAt(kind: StoreKind) async throws {
        try await withLog(kind) { store, log async throws in
            let first = try #require(try await self.claim(store, at: 70).first)
            try await store.failJob(first, log: log, error: "HubSpot answered 503", runAt: L.at(100))
            let second = try #require(try await self.claim(store, at: 100).first)
            #expect(second.attempts == 2)
            #expect(second.lastError == "HubSpot answered 503")

            var waiting = log
            waiting.state = .waiting(.artifacts, until: L.at(900))
            try await store.completeJob(second, log: waiting, runAgainAt: L.at(900))
            #expect(try await store.callLog(log.id)?.state == .waiting(.artifacts, until: L.at(900)))
            #expect(try await store.nextJobDue() == L.at(900))
            #expect(try await self.claim(store, at: 899).isEmpty)
            let later = try await self.claim(store, at: 900)
            #expect(later == [Job(id: first.id, kind: .writeCallLog, callLogID: log.id, attempts: 1, runAt: L.at(900))])
            #expect(try await store.deadJobs().isEmpty)
        }
    }
}
