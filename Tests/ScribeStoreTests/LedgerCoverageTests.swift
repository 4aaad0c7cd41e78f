import Foundation
import ScribeCore
import ScribeStore
import Testing

/// The coverage query: logs counted per UTC day of the call's start, by outcome and reason.
@Suite("SQLiteLedgerStore coverage")
struct LedgerCoverageTests {
    typealias L = Ledger

    /// t0 is 2027-01-15T08:00:00Z; 16 h later is midnight, the start of 2027-01-16.
    static let midnight: TimeInterval = 16 * 3600

    static let rateLimited = ConnectorError(.rateLimited(retryAfter: 30), operation: "hubspot.createCall", status: 429, message: "Too many requests for log 17")
    static let unreachable = ConnectorError(.transient, operation: "hubspot.findContacts", message: "connection refused")

    /// Calls by start (seconds after t0) and the state their log ends up in.
    static let calls: [(start: TimeInterval, state: CallLogState)] = [
        // 2027-01-15
        (0, .logged),
        (600, .logged),
        (1200, .skipped(.tooShort)),
        (1800, .failed(reason: rateLimited.description, retryAt: Ledger.at(9000))),
        (midnight - 1, .waiting(.gracePeriod, until: Ledger.at(midnight + 60))),
        // 2027-01-16
        (midnight, .logged),
        (midnight + 600, .skipped(.unknownContact)),
        (midnight + 1200, .skipped(.unknownContact)),
        (midnight + 1800, .failed(reason: rateLimited.description, retryAt: nil)),
        (midnight + 2400, .failed(reason: unreachable.description, retryAt: Ledger.at(midnight + 9000))),
        (midnight + 3000, .creating),
        // 2027-01-18 (nothing on the 17th)
        (midnight + 2 * 86_400 + 100, .observed),
        (midnight + 2 * 86_400 + 200, .skipped(.internalCall)),
    ]

    func withCalls(_ kind: StoreKind, _ body: (SQLiteLedgerStore) async throws -> Void) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            let ids = IDSequence()
            for (index, call) in Self.calls.enumerated() {
                var log = try #require(try await L.claimLog(store, session: TelephonySessionID("s-\(index + 1)"), start: call.start, ids: ids))
                log.state = call.state
                try await store.saveCallLog(log)
            }
            try await body(store)
        }
    }

    static func day(_ text: String) -> UTCDay { UTCDay(text)! }

    /// Logged, pending, failed and skipped, in that order.
    static func outcomes(_ counts: LogOutcomeCounts) -> [Int] { LogOutcome.allCases.map { counts[$0] } }

    @Test("counts each UTC day's logs by outcome, skip reason and failure code, oldest day first", arguments: StoreKind.allCases)
    func days(kind: StoreKind) async throws {
        try await withCalls(kind) { store in
            let days = try await store.logCoverage(startedFrom: nil, before: nil)
            #expect(days.map(\.day.description) == ["2027-01-15", "2027-01-16", "2027-01-18"])
            let first = try #require(days.first).counts
            #expect(Self.outcomes(first) == [2, 1, 1, 1])
            #expect(first.skipReasons == ["too_short": 1])
            #expect(first.failureCodes == ["hubspot.createCall HTTP 429": 1])
            let second = days[1].counts
            #expect(Self.outcomes(second) == [1, 1, 2, 2])
            #expect(second.skipReasons == ["unknown_contact": 2])
            // The same failure with and without a next attempt counts under one code; another operation under its own.
            #expect(second.failureCodes == ["hubspot.createCall HTTP 429": 1, "hubspot.findContacts": 1])
            let third = days[2].counts
            #expect(Self.outcomes(third) == [0, 1, 0, 1])
            #expect(third.skipReasons == ["internal_call": 1])
            #expect(days.map(\.counts.total).reduce(0, +) == Self.calls.count)
        }
    }

    @Test("the range includes its start and excludes its end, by the call's start time", arguments: StoreKind.allCases)
    func bounds(kind: StoreKind) async throws {
        try await withCalls(kind) { store in
            // From the last second of the 15th up to midnight: only the waiting call at 23:59:59.
            let lastSecond = try await store.logCoverage(startedFrom: L.at(Self.midnight - 1), before: L.at(Self.midnight))
            #expect(lastSecond.map(\.day) == [Self.day("2027-01-15")])
            #expect(lastSecond.first?.counts.pending == 1)
            #expect(lastSecond.first?.counts.total == 1)
            // From midnight on: the 15th is gone entirely.
            let fromMidnight = try await store.logCoverage(startedFrom: L.at(Self.midnight), before: nil)
            #expect(fromMidnight.map(\.day.description) == ["2027-01-16", "2027-01-18"])
            #expect(fromMidnight.first?.counts.total == 6)
            // Up to midnight: only the 15th, all five calls.
            let untilMidnight = try await store.logCoverage(startedFrom: nil, before: L.at(Self.midnight))
            #expect(untilMidnight.map(\.day.description) == ["2027-01-15"])
            #expect(untilMidnight.first?.counts.total == 5)
            // A range with no calls.
            #expect(try await store.logCoverage(startedFrom: Self.day("2027-01-17").start, before: Self.day("2027-01-18").start).isEmpty)
        }
    }

    @Test("an empty ledger has no days", arguments: StoreKind.allCases)
    func empty(kind: StoreKind) async throws {
        let days = try await withStore(kind) { store in try await store.logCoverage(startedFrom: nil, before: nil) }
        #expect(days.isEmpty)
    }
}
