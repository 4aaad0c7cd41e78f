import Foundation
import Logging
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport

/// One inbound call to `ext-1`, folded into a ledger with a HubSpot connection: its claimed log and
/// its first claimed job, ready for a ``CallLogWriter``.
///
/// The call rings at t0, is answered at t0+5 and hung up at t0+65 (60 s of talk); the log is claimed
/// and its job leased at t0+70. The writer and the contact cache read ``clock``, which starts at
/// ``now`` (t0+71) and moves only when a test moves it.
struct WriterHarness {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let account: AccountID = "acct"
    static let connection: ConnectionID = "hubspot"
    static let session: TelephonySessionID = "s-1"
    static let caller = "+14155550123"
    static let jane = Contact(id: "c-1", name: "Jane Doe", phoneNumbers: ["(415) 555-0123"])
    /// The writer's clock at the start: one second after the job was claimed.
    static let now = t0.addingTimeInterval(71)
    static let random = 0.5

    let store: any LedgerStore
    let sqlite: SQLiteLedgerStore
    let logID: CallLogID
    let job: Job
    let clock = TestClock(WriterHarness.now)
    let connectors = ConnectorRegistry()
    let contacts: ContactCache
    /// The hang-up, when the harness was made with `talking`: see ``hangUp()``.
    private let hangUpEvent: TelephonyEvent?

    static func at(_ offset: TimeInterval) -> Date { t0.addingTimeInterval(offset) }

    /// Ledger set up for a call from `counterpart`.
    ///
    /// - Parameters:
    ///   - callerName: the caller id's name.
    ///   - voicemail: the caller reached voicemail instead of being answered.
    ///   - recorded: the phone system reported a recording (`rec-1`) for the call.
    ///   - duringCall: runs at t0+30, before the call has ended and its log is claimed (notes typed live).
    ///   - talking: the call has been answered but not hung up: the log is claimed and its job leased at
    ///     t0+10, and the clock starts at t0+11; ``hangUp()`` ends the call.
    ///   - wrap: may put a store in front of the SQLite one.
    init(
        counterpart: String = caller, callerName: String? = "Jane Doe", voicemail: Bool = false, recorded: Bool = false,
        duringCall: (SQLiteLedgerStore) async throws -> Void = { _ in }, talking: Bool = false,
        wrap: (SQLiteLedgerStore) -> any LedgerStore = { $0 }
    ) async throws {
        let sqlite = try SQLiteLedgerStore.inMemory()
        try await sqlite.saveConnection(
            CRMConnection(id: Self.connection, accountID: Self.account, kind: "hubspot", baseURL: "https://api.hubapi.com", sealedCredential: [1, 2, 3])
        )
        try await duringCall(sqlite)
        let steps: [(PartyStatusCode, TimeInterval, String?)] =
            voicemail ? [(.setup, 0, nil), (.voicemail, 5, nil), (.disconnected, 65, "Voicemail")] : [(.setup, 0, nil), (.answered, 5, nil), (.disconnected, 65, nil)]
        let events = steps.enumerated().map { index, step in
            TelephonyEvent(
                id: EventID("s-1-e\(index + 1)"), accountID: Self.account, sessionID: Self.session, sequence: Int64(index + 1), eventTime: Self.at(step.1),
                parties: [
                    PartyUpdate(
                        partyID: "p-1", extensionID: "ext-1", direction: .inbound, from: CallEndpoint(phoneNumber: counterpart, name: callerName),
                        to: CallEndpoint(phoneNumber: "+16505550100", extensionID: "ext-1"), status: step.0, reason: step.2,
                        recordingIDs: recorded && index > 0 ? ["rec-1"] : []
                    )
                ]
            )
        }
        let claimedAt: TimeInterval = talking ? 10 : 70
        _ = try await sqlite.appendEvents(talking ? Array(events.prefix(2)) : events, receivedAt: Self.at(claimedAt - 4))
        self.hangUpEvent = talking ? events[2] : nil
        let report = try await sqlite.foldPendingEvents(limit: 100, now: Self.at(claimedAt), makeID: { "log-1" })
        guard report.logsClaimed == 1,
            let job = try await sqlite.claimJobs(limit: 10, now: Self.at(claimedAt), leaseUntil: Self.at(claimedAt + 30)).first
        else {
            throw HarnessError("the call did not yield one claimed log and job: \(report)")
        }
        self.sqlite = sqlite
        self.store = wrap(sqlite)
        self.logID = job.callLogID
        self.job = job
        self.contacts = ContactCache(lifetime: 600, now: self.clock.read)
        self.connectors.setExtensions([PhoneExtension(id: "ext-1", accountID: Self.account, extensionNumber: "101", name: "Alex Agent")])
        if talking { self.clock.set(Self.at(claimedAt + 1)) }
    }

    /// Ends a call the harness was made `talking`: the hang-up (t0+65) arrives and is folded at t0+70,
    /// and the clock moves there.
    @discardableResult
    func hangUp() async throws -> FoldReport {
        guard let hangUpEvent else { throw HarnessError("the harness's call has already ended") }
        _ = try await self.sqlite.appendEvents([hangUpEvent], receivedAt: Self.at(66))
        self.move(to: 70)
        return try await self.sqlite.foldPendingEvents(limit: 100, now: Self.at(70), makeID: { "log-2" })
    }

    /// A writer on this ledger with `connector` registered, the harness's clock, fixed ids and jitter.
    func writer(
        _ connector: StrictCRMConnector?, retryPolicy: RetryPolicy = RetryPolicy(), settings: LoggingSettings = LoggingSettings(),
        recordings: (any RecordingSource)? = nil
    ) -> CallLogWriter {
        if let connector { self.connectors.register(connector, for: Self.connection) }
        return CallLogWriter(
            store: self.store, connectors: self.connectors, contacts: self.contacts, settings: SettingsBook(server: settings, people: self.sqlite), retryPolicy: retryPolicy,
            defaultCountryCode: "1", recordings: recordings, effects: Effects(now: self.clock.read, makeID: { "unused-id" }, random: { Self.random }),
            logger: Logger(label: "callscribe.tests", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }

    func log() async throws -> CallLog {
        guard let log = try await self.sqlite.callLog(self.logID) else { throw HarnessError("log \(self.logID) vanished") }
        return log
    }

    /// Moves the clock to `offset` seconds after t0.
    func move(to offset: TimeInterval) {
        self.clock.set(Self.at(offset))
    }

    /// Moves the clock to `date`.
    func move(to date: Date) {
        self.clock.set(date)
    }

    /// Claims and runs, one by one, every job due at the clock's time; returns how many ran.
    @discardableResult
    func runDue(_ writer: CallLogWriter) async throws -> Int {
        var ran = 0
        while let job = try await self.sqlite.claimJobs(limit: 1, now: self.clock.now, leaseUntil: self.clock.now.addingTimeInterval(30)).first {
            try await writer.run(job)
            ran += 1
            guard ran < 10 else { throw HarnessError("job \(job.id) keeps coming back") }
        }
        return ran
    }

    /// Whether a job is due at `offset` seconds after t0 (claiming it if so).
    func jobDue(at offset: TimeInterval) async throws -> Bool {
        try await !self.sqlite.claimJobs(limit: 10, now: Self.at(offset), leaseUntil: Self.at(offset + 30)).isEmpty
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
