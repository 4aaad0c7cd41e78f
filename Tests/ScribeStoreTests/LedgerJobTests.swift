import Foundation
import ScribeCore
import ScribeStore
import Testing

@Suite("SQLiteLedgerStore jobs")
struct LedgerJobTests {
    typealias L = Ledger

    /// A ledger holding one claimed log (`log-1`, for session `s-1`) and its queued job, due at t0+70.
    func withQueuedJob(_ kind: StoreKind, _ body: (SQLiteLedgerStore, CallLog) async throws -> Void) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            let log = try #require(try await L.claimLog(store, session: "s-1", start: 0, ids: IDSequence()))
            try await body(store, log)
        }
    }

    @Test("leases a due job so that nobody else claims it until the lease ends", arguments: StoreKind.allCases)
    func lease(kind: StoreKind) async throws {
        try await withQueuedJob(kind) { store, log in
            #expect(try await store.claimJobs(limit: 10, now: L.at(69), leaseUntil: L.at(99)).isEmpty, "not due yet")
            let first = try await store.claimJobs(limit: 10, now: L.at(70), leaseUntil: L.at(100))
            #expect(first == [Job(id: first.first?.id ?? -1, kind: .writeCallLog, callLogID: log.id, attempts: 1, runAt: L.at(70))])
            #expect(try await store.claimJobs(limit: 10, now: L.at(99), leaseUntil: L.at(129)).isEmpty)
            #expect(try await store.nextJobDue() == L.at(100))

            let again = try await store.claimJobs(limit: 10, now: L.at(100), leaseUntil: L.at(130))
            #expect(again.map(\.id) == first.map(\.id))
            #expect(again.map(\.attempts) == [2])
        }
    }

    @Test("completing a job saves the log and removes the job", arguments: StoreKind.allCases)
    func complete(kind: StoreKind) async throws {
        try await withQueuedJob(kind) { store, log in
            let job = try #require(try await store.claimJobs(limit: 10, now: L.at(70), leaseUntil: L.at(100)).first)
            var logged = log
            logged.state = .logged
            logged.crmRecordID = "hs-call-42"
            logged.renderedHash = "0123456789abcdef"
            logged.contact = Contact(id: "c-1", name: "Jane Doe", phoneNumbers: ["+14155550123"])
            logged.note = "the only contact with this number"
            logged.attempts = 1
            logged.updatedAt = L.at(71)
            try await store.completeJob(job, log: logged)

            #expect(try await store.callLog(log.id) == logged)
            #expect(try await store.claimJobs(limit: 10, now: L.at(10_000), leaseUntil: L.at(10_030)).isEmpty)
            #expect(try await store.nextJobDue() == nil)
            #expect(try await store.deadJobs().isEmpty)
        }
    }

    @Test("failing a job with a retry time reschedules it and keeps the error", arguments: StoreKind.allCases)
    func failAndRetry(kind: StoreKind) async throws {
        try await withQueuedJob(kind) { store, log in
            let job = try #require(try await store.claimJobs(limit: 10, now: L.at(70), leaseUntil: L.at(100)).first)
            var failed = log
            failed.state = .failed(reason: "HubSpot answered 503", retryAt: L.at(190))
            failed.attempts = 1
            try await store.failJob(job, log: failed, error: "HubSpot answered 503", runAt: L.at(190))

            #expect(try await store.callLog(log.id)?.state == .failed(reason: "HubSpot answered 503", retryAt: L.at(190)))
            #expect(try await store.nextJobDue() == L.at(190))
            #expect(try await store.claimJobs(limit: 10, now: L.at(189), leaseUntil: L.at(219)).isEmpty)
            let retried = try await store.claimJobs(limit: 10, now: L.at(190), leaseUntil: L.at(220))
            #expect(retried == [Job(id: job.id, kind: .writeCallLog, callLogID: log.id, attempts: 2, runAt: L.at(190), lastError: "HubSpot answered 503")])
            #expect(try await store.deadJobs().isEmpty)
        }
    }

    @Test("failing a job without a retry time dead-letters it with its last error", arguments: StoreKind.allCases)
    func deadLetter(kind: StoreKind) async throws {
        try await withQueuedJob(kind) { store, log in
            let job = try #require(try await store.claimJobs(limit: 10, now: L.at(70), leaseUntil: L.at(100)).first)
            var failed = log
            failed.state = .failed(reason: "HubSpot refused the call: 400", retryAt: nil)
            try await store.failJob(job, log: failed, error: "HubSpot refused the call: 400", runAt: nil)

            #expect(try await store.deadJobs() == [Job(id: job.id, kind: .writeCallLog, callLogID: log.id, attempts: 1, runAt: L.at(70), lastError: "HubSpot refused the call: 400")])
            #expect(try await store.claimJobs(limit: 10, now: L.at(10_000), leaseUntil: L.at(10_030)).isEmpty)
            #expect(try await store.nextJobDue() == nil)
            #expect(try await store.callLog(log.id)?.state == .failed(reason: "HubSpot refused the call: 400", retryAt: nil))
        }
    }

    @Test("claims due jobs oldest first, up to the limit", arguments: StoreKind.allCases)
    func claimOrderAndLimit(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            let ids = IDSequence()
            for (index, session) in ["s-1", "s-2", "s-3"].enumerated() {
                _ = try await L.claimLog(store, session: TelephonySessionID(session), start: TimeInterval(index * 100), ids: ids)
            }
            #expect(try await store.nextJobDue() == L.at(70))
            let firstTwo = try await store.claimJobs(limit: 2, now: L.at(1000), leaseUntil: L.at(1030))
            #expect(firstTwo.map(\.callLogID) == ["log-1", "log-2"])
            #expect(try await store.nextJobDue() == L.at(270))
            let rest = try await store.claimJobs(limit: 2, now: L.at(1000), leaseUntil: L.at(1030))
            #expect(rest.map(\.callLogID) == ["log-3"])
        }
    }
}
