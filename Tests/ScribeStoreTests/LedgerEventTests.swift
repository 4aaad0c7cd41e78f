import Foundation
import ScribeCore
import ScribeStore
import Testing

@Suite("SQLiteLedgerStore events and folding")
struct LedgerEventTests {
    typealias L = Ledger

    @Test("stores an event once and reports a re-delivery as a duplicate", arguments: StoreKind.allCases)
    func dedupe(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            let events = L.answeredCall("s-1")
            #expect(try await store.appendEvents(Array(events.prefix(2)), receivedAt: L.t0) == [.stored, .stored])
            #expect(try await store.appendEvents(events, receivedAt: L.at(1)) == [.duplicate, .duplicate, .stored, .stored])
            #expect(try await store.appendEvents([events[3], events[3]], receivedAt: L.at(2)) == [.duplicate, .duplicate])
            #expect(try await store.events(of: "s-1") == events)
        }
    }

    @Test("lists a session's events in sequence order, whatever order they arrived in", arguments: StoreKind.allCases)
    func eventsInSequenceOrder(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let events = L.answeredCall("s-1")
            _ = try await store.appendEvents(events.reversed(), receivedAt: L.t0)
            _ = try await store.appendEvents(L.answeredCall("s-2"), receivedAt: L.t0)
            #expect(try await store.events(of: "s-1").map(\.sequence) == [1, 2, 3, 4])
            #expect(try await store.events(of: "s-unknown").isEmpty)
        }
    }

    @Test("claims one log and one job per ended extension leg when the account has a connection", arguments: StoreKind.allCases)
    func foldClaims(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            _ = try await store.appendEvents(L.answeredCall("s-1"), receivedAt: L.at(70))
            let report = try await store.foldPendingEvents(limit: 100, now: L.at(70), makeID: IDSequence().makeID)
            #expect(report == FoldReport(eventsFolded: 4, callsChanged: 1, logsClaimed: 1))

            let logs = try await store.callLogs(CallLogQuery())
            let log = try #require(logs.first)
            #expect(logs.count == 1)
            #expect(log.id == "log-1")
            #expect(log.key == CallLogKey(accountID: "acc-1", extensionID: "ext-101", sessionID: "s-1", connectionID: "conn-hubspot"))
            #expect(log.state == .observed)
            #expect(log.leg.duration == 60)
            #expect(log.leg.result == .answered)
            #expect(log.createdAt == L.at(70))
            #expect(try await store.callLog("log-1") == log)

            let jobs = try await store.claimJobs(limit: 10, now: L.at(70), leaseUntil: L.at(100))
            #expect(jobs.map(\.callLogID) == ["log-1"])
            #expect(jobs.map(\.kind) == [.writeCallLog])
            #expect(jobs.first?.runAt == L.at(70))
        }
    }

    @Test("claims nothing new on a second fold or for re-delivered events", arguments: StoreKind.allCases)
    func foldIsIdempotent(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            let ids = IDSequence()
            _ = try await store.appendEvents(L.answeredCall("s-1"), receivedAt: L.at(70))
            _ = try await store.foldPendingEvents(limit: 100, now: L.at(70), makeID: ids.makeID)

            #expect(try await store.foldPendingEvents(limit: 100, now: L.at(80), makeID: ids.makeID) == FoldReport())
            #expect(try await store.appendEvents(L.answeredCall("s-1"), receivedAt: L.at(90)) == Array(repeating: .duplicate, count: 4))
            #expect(try await store.foldPendingEvents(limit: 100, now: L.at(90), makeID: ids.makeID) == FoldReport())

            // The same call heard again under new event ids (e.g. rebuilt from the call log) changes it but claims no second log.
            let rebuilt = TelephonyEvent(
                id: "call-log:abc:Disconnected", accountID: L.account, sessionID: "s-1", sequence: TelephonyEvent.finalSequence,
                eventTime: L.at(65), parties: [L.party("s-1-p2", "ext-101", .disconnected)]
            )
            #expect(try await store.appendEvents([rebuilt], receivedAt: L.at(100)) == [.stored])
            let report = try await store.foldPendingEvents(limit: 100, now: L.at(100), makeID: ids.makeID)
            #expect(report == FoldReport(eventsFolded: 1, callsChanged: 1, logsClaimed: 0))
            #expect(try await store.callLogs(CallLogQuery()).map(\.id) == ["log-1"])
            #expect(try await store.claimJobs(limit: 10, now: L.at(100), leaseUntil: L.at(130)).count == 1)
        }
    }

    @Test("folds but claims nothing for an account without a connection", arguments: StoreKind.allCases)
    func noConnection(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            _ = try await store.appendEvents(L.answeredCall("s-9", account: "acc-other"), receivedAt: L.at(70))
            let report = try await store.foldPendingEvents(limit: 100, now: L.at(70), makeID: IDSequence().makeID)
            #expect(report == FoldReport(eventsFolded: 4, callsChanged: 1, logsClaimed: 0))
            #expect(try await store.call("s-9")?.endedLegs.count == 1)
            #expect(try await store.callLogs(CallLogQuery()).isEmpty)
            #expect(try await store.claimJobs(limit: 10, now: L.at(1000), leaseUntil: L.at(1030)).isEmpty)
            #expect(try await store.nextJobDue() == nil)
        }
    }

    @Test("claims a log when the call is answered, and queues it again at hang-up", arguments: StoreKind.allCases)
    func claimsAtAnswerRequeuesAtHangUp(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            let events = L.answeredCall("s-1")
            let ids = IDSequence()
            _ = try await store.appendEvents(Array(events.prefix(3)), receivedAt: L.at(10))
            #expect(try await store.foldPendingEvents(limit: 100, now: L.at(10), makeID: ids.makeID) == FoldReport(eventsFolded: 3, callsChanged: 1, logsClaimed: 1))
            let claimed = try #require(try await store.callLogs(CallLogQuery()).first)
            #expect(claimed.leg.inProgress)
            let job = try #require(try await store.claimJobs(limit: 10, now: L.at(11), leaseUntil: L.at(41)).first)
            #expect(job.callLogID == claimed.id)
            // The writer decides the call in progress waits for its end: the job is done.
            try await store.completeJob(job, log: claimed, runAgainAt: nil)
            #expect(try await store.nextJobDue() == nil)
            _ = try await store.appendEvents([events[3]], receivedAt: L.at(70))
            #expect(
                try await store.foldPendingEvents(limit: 100, now: L.at(70), writeAfter: 2, makeID: ids.makeID)
                    == FoldReport(eventsFolded: 1, callsChanged: 1, logsClaimed: 0, logsRequeued: 1)
            )
            #expect(try await store.claimJobs(limit: 10, now: L.at(71), leaseUntil: L.at(101)).isEmpty, "due after the grace period")
            #expect(try await store.claimJobs(limit: 10, now: L.at(72), leaseUntil: L.at(102)).map(\.callLogID) == [claimed.id])
            #expect(try await store.call("s-1")?.leg(of: claimed.key.extensionID)?.inProgress == false)
        }
    }

    @Test("queues a written log again when a late event changes its ended leg (an answer folded after the hang-up)", arguments: StoreKind.allCases)
    func requeuesOnLateChange(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            let events = L.answeredCall("s-1")
            let ids = IDSequence()
            _ = try await store.appendEvents([events[0], events[1], events[3]], receivedAt: L.at(70))
            #expect(try await store.foldPendingEvents(limit: 100, now: L.at(70), makeID: ids.makeID).logsClaimed == 1)
            let log = try #require(try await store.callLogs(CallLogQuery()).first)
            #expect(log.leg.result == .missed)
            let job = try #require(try await store.claimJobs(limit: 10, now: L.at(71), leaseUntil: L.at(101)).first)
            try await store.completeJob(job, log: log, runAgainAt: nil)

            _ = try await store.appendEvents([events[2]], receivedAt: L.at(80))
            #expect(
                try await store.foldPendingEvents(limit: 100, now: L.at(80), writeAfter: 0, makeID: ids.makeID)
                    == FoldReport(eventsFolded: 1, callsChanged: 1, logsClaimed: 0, logsRequeued: 1)
            )
            #expect(try await store.claimJobs(limit: 10, now: L.at(80), leaseUntil: L.at(110)).map(\.callLogID) == [log.id])
            #expect(try await store.call("s-1")?.leg(of: log.key.extensionID)?.result == .answered)
        }
    }

    @Test("folds out-of-order events into the same call as in-order ones", arguments: StoreKind.allCases)
    func outOfOrder(kind: StoreKind) async throws {
        let events = L.answeredCall("s-1")
        let inOrder = try await withStore(kind) { store in
            _ = try await store.appendEvents(events, receivedAt: L.at(70))
            _ = try await store.foldPendingEvents(limit: 100, now: L.at(70), makeID: IDSequence().makeID)
            return try #require(try await store.call("s-1"))
        }
        let shuffled = try await withStore(kind) { store in
            // Delivered last-first, and folded one at a time so each event lands in its own pass.
            for event in [events[3], events[1], events[0], events[2]] {
                _ = try await store.appendEvents([event], receivedAt: L.at(70))
                _ = try await store.foldPendingEvents(limit: 1, now: L.at(70), makeID: IDSequence().makeID)
            }
            return try #require(try await store.call("s-1"))
        }
        #expect(shuffled == inOrder)
        #expect(shuffled.endedLegs.first?.duration == 60)
        #expect(shuffled.endedLegs.first?.startedAt == L.t0)
    }

    @Test("folds at most the limit of events per pass", arguments: StoreKind.allCases)
    func limit(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            _ = try await store.appendEvents(L.answeredCall("s-1"), receivedAt: L.at(70))
            let ids = IDSequence()
            #expect(try await store.foldPendingEvents(limit: 3, now: L.at(70), makeID: ids.makeID).eventsFolded == 3)
            #expect(try await store.call("s-1")?.endedLegs.isEmpty == true)
            #expect(try await store.foldPendingEvents(limit: 3, now: L.at(70), makeID: ids.makeID).eventsFolded == 1)
            #expect(try await store.call("s-1")?.endedLegs.count == 1)
        }
    }
}
