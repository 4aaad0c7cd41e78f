import Foundation
import Logging
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Synchronization
import Testing

/// The backfill against the sandbox phone system over loopback HTTP: the call log read page by
/// page, imported on the sweep's path, never twice.
@Suite("Backfill")
struct BackfillTests {
    /// Days counted back from today, so that every call has ended and lies in the sandbox's call log.
    static let today = UTCDay(containing: Date())
    static func daysAgo(_ count: Int) -> UTCDay {
        UTCDay(containing: Self.today.start.addingTimeInterval(-Double(count) * 86_400 + 3600))
    }

    /// Five calls in the range (three days ago and two days ago), one before it and one after it.
    static let inRange: [Date] = [
        daysAgo(3).start.addingTimeInterval(9 * 3600), daysAgo(3).start.addingTimeInterval(13 * 3600),
        daysAgo(3).start.addingTimeInterval(86_399), daysAgo(2).start, daysAgo(2).start.addingTimeInterval(15 * 3600),
    ]
    static let beforeRange = daysAgo(5).start.addingTimeInterval(10 * 3600)
    static let afterRange = daysAgo(1).start.addingTimeInterval(10 * 3600)

    /// Progress reports, in order.
    final class Reports: Sendable {
        private let list = Mutex<[BackfillProgress]>([])
        var all: [BackfillProgress] { self.list.withLock { $0 } }
        var record: @Sendable (BackfillProgress) -> Void { { [self] progress in self.list.withLock { $0.append(progress) } } }
    }

    /// A Callscribe (services not running) against a fresh sandbox phone system with the calls placed.
    static func withBackfill(_ body: @Sendable (Callscribe, PhoneSandboxHarness, [TelephonySessionID]) async throws -> Void) async throws {
        try await PhoneSandboxHarness.run { harness in
            let sessions = try harness.placeCalls(startingAt: [Self.beforeRange] + Self.inRange + [Self.afterRange])
            try await withTemporaryDirectory { folder in
                var logger = Logger(label: "test")
                logger.logLevel = .critical
                let callscribe = try Callscribe(configuration: try harness.configuration(dataDirectory: folder), logger: logger)
                try await body(callscribe, harness, Array(sessions[1...5]))
            }
        }
    }

    @Test("a dry run counts the calls in the range and the new ones, and stores nothing")
    func dryRun() async throws {
        try await Self.withBackfill { callscribe, _, inRange in
            let report = try await callscribe.backfill(since: Self.daysAgo(3), until: Self.daysAgo(2), dryRun: true)
            #expect(report.dryRun)
            #expect(report.recordsRead == 5)
            #expect(report.callsFound == 5)
            #expect(report.newCalls == 5)
            #expect(report.eventsStored == 0)
            #expect(report.from == Self.daysAgo(3).start)
            #expect(report.to == Self.daysAgo(1).start)
            #expect(try await callscribe.store.knownSessions(Set(inRange)).isEmpty)
            #expect(try await callscribe.store.foldPendingEvents(limit: 100, now: Date(), makeID: { UUID().uuidString }) == FoldReport())
        }
    }

    @Test("a real run imports each call in the range once; running it again stores nothing more")
    func importsOnce() async throws {
        try await Self.withBackfill { callscribe, harness, inRange in
            let first = try await callscribe.backfill(since: Self.daysAgo(3), until: Self.daysAgo(2), dryRun: false)
            #expect(first.callsFound == 5)
            #expect(first.newCalls == 5)
            #expect(first.eventsStored > 0)
            #expect(try await callscribe.store.knownSessions(Set(inRange)) == Set(inRange))
            let eventsAfterFirst = try await Self.eventCount(callscribe.store, inRange)
            #expect(eventsAfterFirst == first.eventsStored)

            // The calls become call logs the way webhook calls do, once the account's CRM connection is known.
            try await callscribe.store.saveConnection(
                CRMConnection(id: "hubspot", accountID: harness.accountID, kind: "hubspot", baseURL: "http://127.0.0.1:9", sealedCredential: [1])
            )
            let folded = try await callscribe.store.foldPendingEvents(limit: 1000, now: Date(), makeID: { UUID().uuidString })
            #expect(folded.logsClaimed == 5)

            let second = try await callscribe.backfill(since: Self.daysAgo(3), until: Self.daysAgo(2), dryRun: false)
            #expect(second.callsFound == 5)
            #expect(second.newCalls == 0)
            #expect(second.eventsStored == 0)
            #expect(try await Self.eventCount(callscribe.store, inRange) == eventsAfterFirst)
            #expect(try await callscribe.store.foldPendingEvents(limit: 1000, now: Date(), makeID: { UUID().uuidString }).logsClaimed == 0)
            #expect(try await callscribe.store.callLogs(CallLogQuery(limit: 100)).count == 5)
        }
    }

    @Test("calls outside the range are left alone; without an end the range runs to now")
    func range() async throws {
        try await Self.withBackfill { callscribe, _, _ in
            let recent = try await callscribe.backfill(since: Self.daysAgo(1), until: nil, dryRun: false)
            #expect(recent.callsFound == 1)
            #expect(recent.to <= Date())
            let everything = try await callscribe.backfill(since: Self.daysAgo(6), until: nil, dryRun: true)
            #expect(everything.callsFound == 7)
            #expect(everything.newCalls == 6)
        }
    }

    @Test("a call heard by webhook before is found but not new")
    func knownCall() async throws {
        try await Self.withBackfill { callscribe, harness, inRange in
            let heard = TelephonyEvent(
                id: "webhook-1", accountID: harness.accountID, sessionID: inRange[0], legacySessionID: "1", sequence: 1, eventTime: Self.inRange[0],
                parties: []
            )
            _ = try await callscribe.store.appendEvents([heard], receivedAt: Date())
            let report = try await callscribe.backfill(since: Self.daysAgo(3), until: Self.daysAgo(2), dryRun: true)
            #expect(report.callsFound == 5)
            #expect(report.newCalls == 4)
        }
    }

    @Test("reads page by page, reporting each page and how far back it reached")
    func pages() async throws {
        try await Self.withBackfill { callscribe, _, _ in
            let reports = Reports()
            let report = try await callscribe.backfill(since: Self.daysAgo(3), until: Self.daysAgo(2), dryRun: true, pageSize: 2, progress: reports.record)
            #expect(report.pagesRead == 3)
            #expect(report.callsFound == 5)
            let seen = reports.all
            #expect(seen.map(\.pagesRead) == [1, 2, 3])
            #expect(seen.map(\.recordsRead) == [2, 4, 5])
            let fractions = seen.map(\.fractionDone)
            #expect(fractions == fractions.sorted())
            #expect(fractions.first.map { $0 > 0 && $0 < 1 } == true)
            #expect(fractions.last == 1)
        }
    }

    @Test("waits out RingCentral's rate limit and carries on")
    func rateLimited() async throws {
        try await Self.withBackfill { callscribe, harness, _ in
            // The first two requests (the account look-up, then the first page) are refused for a second each.
            harness.rateLimitNext(2, retryAfter: 1)
            let reports = Reports()
            let report = try await callscribe.backfill(since: Self.daysAgo(3), until: Self.daysAgo(2), dryRun: false, progress: reports.record)
            #expect(report.newCalls == 5)
            #expect(reports.all.filter { $0.waitingSeconds == 1 && $0.rateLimited }.count == 2)
            #expect(reports.all.last?.pagesRead == 1)
        }
    }

    @Test("a reversed range or one in the future is refused before RingCentral is asked")
    func refusedRanges() async throws {
        try await Self.withBackfill { callscribe, harness, _ in
            await #expect(throws: BackfillError.self) { try await callscribe.backfill(since: Self.daysAgo(2), until: Self.daysAgo(3), dryRun: true) }
            await #expect(throws: BackfillError.self) { try await callscribe.backfill(since: Self.today.next, until: nil, dryRun: true) }
            await #expect(throws: BackfillError.invalidPageSize(0)) {
                try await callscribe.backfill(since: Self.daysAgo(2), until: nil, dryRun: true, pageSize: 0)
            }
            #expect(harness.apiRequestCount == 0)
        }
    }

    static func eventCount(_ store: any LedgerStore, _ sessions: [TelephonySessionID]) async throws -> Int {
        var count = 0
        for session in sessions { count += try await store.events(of: session).count }
        return count
    }
}
