import Foundation
import Logging
@testable import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Synchronization

/// A backlog: `calls` inbound calls to `ext-1` (sessions `s-1` …, from `numbers` in turn), all ended
/// and folded at t0+70 into a ledger with a HubSpot connection, their logs `log-1` … claimed and their
/// writes queued, none run yet. The writer's clock stays at t0+71 unless a test moves it.
struct BacklogHarness {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let account: AccountID = "acct"
    static let connection: ConnectionID = "hubspot"

    let sqlite: SQLiteLedgerStore
    let store: any LedgerStore
    let clock = TestClock(BacklogHarness.t0.addingTimeInterval(71))
    let connectors = ConnectorRegistry()
    let contacts: ContactCache
    let logger = Logger(label: "callscribe.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    private final class Counter: Sendable {
        let value = Mutex(0)
        func next() -> Int { self.value.withLock { $0 += 1; return $0 } }
    }

    init(calls: Int, numbers: [String], wrap: (SQLiteLedgerStore) -> any LedgerStore = { $0 }) async throws {
        let sqlite = try SQLiteLedgerStore.inMemory()
        try await sqlite.saveConnection(
            CRMConnection(id: Self.connection, accountID: Self.account, kind: "hubspot", baseURL: "https://api.hubapi.com", sealedCredential: [1, 2, 3])
        )
        var events: [TelephonyEvent] = []
        for call in 1...calls {
            let number = numbers[(call - 1) % numbers.count]
            let steps: [(PartyStatusCode, TimeInterval)] = [(.setup, 0), (.answered, 5), (.disconnected, 65)]
            for (index, step) in steps.enumerated() {
                events.append(
                    TelephonyEvent(
                        id: EventID("s-\(call)-e\(index + 1)"), accountID: Self.account, sessionID: TelephonySessionID("s-\(call)"), sequence: Int64(index + 1),
                        eventTime: Self.t0.addingTimeInterval(step.1),
                        parties: [
                            PartyUpdate(
                                partyID: "p-1", extensionID: "ext-1", direction: .inbound, from: CallEndpoint(phoneNumber: number, name: "Caller \(call)"),
                                to: CallEndpoint(phoneNumber: "+16505550100", extensionID: "ext-1"), status: step.0, reason: nil
                            )
                        ]
                    )
                )
            }
        }
        _ = try await sqlite.appendEvents(events, receivedAt: Self.t0.addingTimeInterval(66))
        let ids = Counter()
        var claimed = 0
        while true {
            let report = try await sqlite.foldPendingEvents(limit: 10_000, now: Self.t0.addingTimeInterval(70), makeID: { "log-\(ids.next())" })
            claimed += report.logsClaimed
            if report.eventsFolded == 0 { break }
        }
        guard claimed == calls else { throw HarnessError("\(calls) calls claimed \(claimed) logs") }
        self.sqlite = sqlite
        self.store = wrap(sqlite)
        self.contacts = ContactCache(lifetime: 600, now: self.clock.read)
    }

    /// A writer with `connector` registered, on the harness's clock, with fixed ids and jitter.
    func writer(_ connector: StrictCRMConnector) -> CallLogWriter {
        self.connectors.register(connector, for: Self.connection)
        return CallLogWriter(
            store: self.store, connectors: self.connectors, contacts: self.contacts,
            settings: SettingsBook(server: LoggingSettings(), people: self.sqlite), retryPolicy: RetryPolicy(), defaultCountryCode: "1",
            effects: Effects(now: self.clock.read, makeID: { "unused-id" }, random: { 0.5 }), logger: self.logger
        )
    }

    /// Leases up to `limit` due jobs at a time, as the log worker does, and runs each lease as one round
    /// until none is due; returns the size of each round.
    @discardableResult
    func drain(_ writer: CallLogWriter, limit: Int = 100) async throws -> [Int] {
        var rounds: [Int] = []
        while true {
            let now = self.clock.now
            let jobs = try await self.sqlite.claimJobs(limit: limit, now: now, leaseUntil: now.addingTimeInterval(30))
            guard !jobs.isEmpty else { return rounds }
            await LogWorker.run(jobs, writer: writer, logger: self.logger)
            rounds.append(jobs.count)
            guard rounds.count < 50 else { throw HarnessError("jobs keep coming back") }
        }
    }

    /// Every log, by id.
    func logs() async throws -> [CallLogID: CallLog] {
        let logs = try await self.sqlite.callLogs(CallLogQuery(filter: .all, limit: 100_000))
        return Dictionary(uniqueKeysWithValues: logs.map { ($0.id, $0) })
    }
}
