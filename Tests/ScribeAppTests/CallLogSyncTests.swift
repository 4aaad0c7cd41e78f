import Foundation
import Logging
@testable import ScribeApp
import ScribeCore
import ScribeTestSupport
import Testing

/// The periodic call-log sweep against the sandbox phone system over loopback HTTP, with a real
/// ledger: ISync from the stored token, and the listing plus a fresh FSync when there is no token
/// or RingCentral refuses it.
@Suite("CallLogSync")
struct CallLogSyncTests {
    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    /// The sweep of `callscribe`, as its service runs it.
    static func sweeper(_ callscribe: Callscribe) -> CallLogSync {
        CallLogSync(
            client: callscribe.ringCentral, store: callscribe.store, accountID: OneShot(), effects: callscribe.effects, interval: 300,
            catchUpWindow: 86_400, folded: callscribe.eventsStored, sweepNow: callscribe.sweepNow, logger: Self.logger
        )
    }

    /// A Callscribe (services not running) with its ledger in a fresh folder, against a fresh sandbox phone system.
    static func withSweep(_ body: @Sendable (Callscribe, PhoneSandboxHarness, URL) async throws -> Void) async throws {
        try await PhoneSandboxHarness.run { harness in
            try await withTemporaryDirectory { folder in
                let callscribe = try Callscribe(configuration: try harness.configuration(dataDirectory: folder), logger: Self.logger)
                try await body(callscribe, harness, folder)
            }
        }
    }

    /// Finished calls that started `count` moments in the last `minutes` minutes (all after the
    /// listing cursor a sweep leaves, an hour back), numbered from `first`.
    static func placeCalls(_ harness: PhoneSandboxHarness, _ count: Int, first: Int, minutes: Double = 50) throws -> [TelephonySessionID] {
        let now = Date()
        let starts = (0..<count).map { now.addingTimeInterval(-minutes * 60 + Double($0) * (minutes * 60 - 60) / Double(max(1, count))) }
        return try harness.placeCalls(startingAt: starts, firstNumber: first, seed: UInt64(first))
    }

    /// Folds what was imported into call logs and checks that each of `sessions` has exactly one,
    /// and nothing else has any.
    static func expectLoggedOnce(_ callscribe: Callscribe, _ harness: PhoneSandboxHarness, _ sessions: [TelephonySessionID]) async throws {
        try await callscribe.store.saveConnection(
            CRMConnection(id: "hubspot", accountID: harness.accountID, kind: "hubspot", baseURL: "http://127.0.0.1:9", sealedCredential: [1])
        )
        while try await callscribe.store.foldPendingEvents(limit: 1000, now: Date(), makeID: { UUID().uuidString }).eventsFolded > 0 {}
        let logs = try await callscribe.store.callLogs(CallLogQuery(limit: 10_000))
        #expect(logs.count == sessions.count, "one log per call")
        #expect(Set(logs.map(\.key.sessionID)) == Set(sessions))
    }

    @Test("the first sweep lists the catch-up window and takes a token; a quiet sweep is then one ISync request")
    func firstSweepThenQuiet() async throws {
        try await Self.withSweep { callscribe, harness, _ in
            let sessions = try Self.placeCalls(harness, 3, first: 1, minutes: 600)
            let sweep = Self.sweeper(callscribe)
            #expect(try await sweep.sweep(harness.accountID) == 3)
            #expect(harness.callLogSyncsServed == ["FSync"])
            #expect(try await callscribe.store.cursor(CallLogSync.tokenCursorName) != nil)
            #expect(try await callscribe.store.knownSessions(Set(sessions)) == Set(sessions))

            let before = harness.apiRequestCount
            #expect(try await sweep.sweep(harness.accountID) == 0)
            #expect(harness.apiRequestCount - before == 1, "one small request")
            #expect(harness.callLogSyncsServed == ["FSync", "ISync"])
            try await Self.expectLoggedOnce(callscribe, harness, sessions)
        }
    }

    @Test("calls that end after a sweep come through the next ISync, each imported once")
    func newCallsThroughISync() async throws {
        try await Self.withSweep { callscribe, harness, _ in
            let sweep = Self.sweeper(callscribe)
            let early = try Self.placeCalls(harness, 2, first: 1)
            #expect(try await sweep.sweep(harness.accountID) == 2)
            let token = try await callscribe.store.cursor(CallLogSync.tokenCursorName)
            let later = try Self.placeCalls(harness, 4, first: 100, minutes: 5)
            let before = harness.apiRequestCount
            #expect(try await sweep.sweep(harness.accountID) == 4)
            #expect(harness.apiRequestCount - before == 1)
            #expect(harness.callLogSyncsServed == ["FSync", "ISync"])
            #expect(try await callscribe.store.cursor(CallLogSync.tokenCursorName) != token, "the answer's token is kept for the next sweep")
            #expect(try await sweep.sweep(harness.accountID) == 0)
            try await Self.expectLoggedOnce(callscribe, harness, early + later)
        }
    }

    @Test("a token expired by a call-log reset falls back to the listing, then an FSync re-establishes a token")
    func expiredToken() async throws {
        try await Self.withSweep { callscribe, harness, _ in
            let sweep = Self.sweeper(callscribe)
            let early = try Self.placeCalls(harness, 2, first: 1)
            _ = try await sweep.sweep(harness.accountID)
            let later = try Self.placeCalls(harness, 5, first: 100, minutes: 10)
            harness.resetCallLogSync()
            let before = harness.apiRequestCount
            #expect(try await sweep.sweep(harness.accountID) == 5)
            #expect(harness.callLogSyncsServed == ["FSync", "ISync", "FSync"])
            #expect(harness.apiRequestCount - before == 3, "the refused ISync, the FSync and one page of the listing")
            // The new token works: a quiet sweep is one ISync again.
            let quiet = harness.apiRequestCount
            #expect(try await sweep.sweep(harness.accountID) == 0)
            #expect(harness.apiRequestCount - quiet == 1)
            #expect(harness.callLogSyncsServed.last == "ISync")
            try await Self.expectLoggedOnce(callscribe, harness, early + later)
        }
    }

    @Test("more than 250 changes since the token: ISync is refused, the listing imports all of them, and a token is taken again")
    func overTheCap() async throws {
        try await Self.withSweep { callscribe, harness, _ in
            let sweep = Self.sweeper(callscribe)
            let early = try Self.placeCalls(harness, 3, first: 1)
            _ = try await sweep.sweep(harness.accountID)
            let gap = try Self.placeCalls(harness, 300, first: 1000, minutes: 45)
            #expect(try await sweep.sweep(harness.accountID) == 300, "FSync alone would have given only the newest 250")
            #expect(harness.callLogSyncsServed == ["FSync", "ISync", "FSync"])
            #expect(try await callscribe.store.knownSessions(Set(gap)) == Set(gap))
            #expect(try await sweep.sweep(harness.accountID) == 0)
            #expect(harness.callLogSyncsServed.last == "ISync")
            try await Self.expectLoggedOnce(callscribe, harness, early + gap)
        }
    }

    @Test("the token is kept in the ledger: a restarted Callscribe's first sweep is an ISync")
    func tokenSurvivesRestart() async throws {
        try await PhoneSandboxHarness.run { harness in
            try await withTemporaryDirectory { folder in
                let early = try Self.placeCalls(harness, 2, first: 1)
                do {
                    let first = try Callscribe(configuration: try harness.configuration(dataDirectory: folder), logger: Self.logger)
                    #expect(try await Self.sweeper(first).sweep(harness.accountID) == 2)
                }
                let later = try Self.placeCalls(harness, 3, first: 100, minutes: 5)
                let restarted = try Callscribe(configuration: try harness.configuration(dataDirectory: folder), logger: Self.logger)
                let before = harness.apiRequestCount
                #expect(try await Self.sweeper(restarted).sweep(harness.accountID) == 3)
                #expect(harness.apiRequestCount - before == 1)
                #expect(harness.callLogSyncsServed == ["FSync", "ISync"])
                try await Self.expectLoggedOnce(restarted, harness, early + later)
            }
        }
    }
}
