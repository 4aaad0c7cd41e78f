import Foundation
import Logging
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport

/// One inbound call to `ext-1`, folded into a ledger with a HubSpot connection: its claimed log and
/// its first claimed job, ready for a ``CallLogWriter``.
struct WriterHarness {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let account: AccountID = "acct"
    static let connection: ConnectionID = "hubspot"
    static let caller = "+14155550123"
    static let jane = Contact(id: "c-1", name: "Jane Doe", phoneNumbers: ["(415) 555-0123"])
    /// The writer's clock: one second after the job was claimed.
    static let now = t0.addingTimeInterval(71)
    static let random = 0.5

    let store: any LedgerStore
    let sqlite: SQLiteLedgerStore
    let logID: CallLogID
    let job: Job
    let connectors = ConnectorRegistry()
    let contacts = ContactCache(lifetime: 600, now: { WriterHarness.now })

    static func at(_ offset: TimeInterval) -> Date { t0.addingTimeInterval(offset) }

    /// Ledger set up for a call from `counterpart`; `wrap` may put a store in front of the SQLite one.
    init(counterpart: String = caller, wrap: (SQLiteLedgerStore) -> any LedgerStore = { $0 }) async throws {
        let sqlite = try SQLiteLedgerStore.inMemory()
        try await sqlite.saveConnection(
            CRMConnection(id: Self.connection, accountID: Self.account, kind: "hubspot", baseURL: "https://api.hubapi.com", sealedCredential: [1, 2, 3])
        )
        let steps: [(PartyStatusCode, TimeInterval)] = [(.setup, 0), (.answered, 5), (.disconnected, 65)]
        let events = steps.enumerated().map { index, step in
            TelephonyEvent(
                id: EventID("s-1-e\(index + 1)"), accountID: Self.account, sessionID: "s-1", sequence: Int64(index + 1), eventTime: Self.at(step.1),
                parties: [
                    PartyUpdate(
                        partyID: "p-1", extensionID: "ext-1", direction: .inbound, from: CallEndpoint(phoneNumber: counterpart, name: "Jane Doe"),
                        to: CallEndpoint(phoneNumber: "+16505550100", extensionID: "ext-1"), status: step.0
                    )
                ]
            )
        }
        _ = try await sqlite.appendEvents(events, receivedAt: Self.at(66))
        let report = try await sqlite.foldPendingEvents(limit: 100, now: Self.at(70), makeID: { "log-1" })
        guard report.logsClaimed == 1, let job = try await sqlite.claimJobs(limit: 10, now: Self.at(70), leaseUntil: Self.at(100)).first else {
            throw HarnessError("the call did not yield one claimed log and job: \(report)")
        }
        self.sqlite = sqlite
        self.store = wrap(sqlite)
        self.logID = job.callLogID
        self.job = job
        self.connectors.setExtensions([PhoneExtension(id: "ext-1", accountID: Self.account, extensionNumber: "101", name: "Alex Agent")])
    }

    /// A writer on this ledger with `connector` registered, a fixed clock, ids and jitter.
    func writer(
        _ connector: StrictCRMConnector?, retryPolicy: RetryPolicy = RetryPolicy(), settings: LoggingSettings = LoggingSettings(),
        recordings: (any RecordingSource)? = nil
    ) -> CallLogWriter {
        if let connector { self.connectors.register(connector, for: Self.connection) }
        return CallLogWriter(
            store: self.store, connectors: self.connectors, contacts: self.contacts, settings: settings, retryPolicy: retryPolicy,
            defaultCountryCode: "1", recordings: recordings, effects: Effects(now: { Self.now }, makeID: { "unused-id" }, random: { Self.random }),
            logger: Logger(label: "callscribe.tests", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }

    func log() async throws -> CallLog {
        guard let log = try await self.sqlite.callLog(self.logID) else { throw HarnessError("log \(self.logID) vanished") }
        return log
    }

    /// Jobs due at any time from now on (claiming them, so call it last).
    func remainingJobs() async throws -> [Job] {
        try await self.sqlite.claimJobs(limit: 10, now: Self.at(1_000_000), leaseUntil: Self.at(1_000_030))
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
