import Foundation

/// The ledger: Callscribe's own record of every event, call, log and job.
///
/// One protocol for every backend (SQLite now, PostgreSQL later); each method is one transaction.
public protocol LedgerStore: Sendable {
    // MARK: Directory

    /// Creates or updates the account's extensions.
    func saveExtensions(_ extensions: [PhoneExtension]) async throws
    func extensions(of accountID: AccountID) async throws -> [PhoneExtension]
    func saveConnection(_ connection: CRMConnection) async throws
    func connections(of accountID: AccountID) async throws -> [CRMConnection]
    /// Every account's CRM connections, by account then id: for listing what the ledger holds.
    func connections() async throws -> [CRMConnection]

    // MARK: Ingest and fold

    /// Stores raw events, ignoring any whose id is already stored.
    func appendEvents(_ events: [TelephonyEvent], receivedAt: Date) async throws -> [AppendOutcome]

    /// Folds up to `limit` stored events into their calls, claims the call logs the calls now call
    /// for (one per ended extension leg per connection of the account) and queues a write job for
    /// each, due `writeAfter` seconds from `now` (a grace period for late, out-of-order events).
    func foldPendingEvents(limit: Int, now: Date, writeAfter: TimeInterval, makeID: @escaping @Sendable () -> String) async throws -> FoldReport

    func call(_ sessionID: TelephonySessionID) async throws -> Call?
    /// The call and the calls its parties moved to or came from (attended transfers, conferences),
    /// followed link by link: the conversation a leg of it belongs to. Empty for an unknown session.
    func linkedCalls(of sessionID: TelephonySessionID) async throws -> CallGroup
    /// The account's calls whose events changed at or after `since` (for the calls in progress).
    func calls(of accountID: AccountID, changedSince since: Date) async throws -> [Call]
    /// The time of the account's latest change to a call or a call log: a page's cue to refresh.
    func latestChange(of accountID: AccountID) async throws -> Date?
    /// A session's raw events in sequence order.
    func events(of sessionID: TelephonySessionID) async throws -> [TelephonyEvent]
    /// Which of `sessions` the ledger has heard of: a call folded or at least one event stored.
    func knownSessions(_ sessions: Set<TelephonySessionID>) async throws -> Set<TelephonySessionID>

    // MARK: Call logs

    func callLog(_ id: CallLogID) async throws -> CallLog?
    func callLogs(_ query: CallLogQuery) async throws -> [CallLog]
    /// The logs of one call, oldest first.
    func callLogs(session: TelephonySessionID) async throws -> [CallLog]
    /// How many call logs are in each state, by state name.
    func callLogCounts() async throws -> [String: Int]
    /// The logs of calls that started in `from..<to` (either end open when nil), counted by outcome
    /// per UTC day of the call's start, oldest day first; days without logs are left out.
    func logCoverage(startedFrom from: Date?, before to: Date?) async throws -> [DailyLogCoverage]
    /// Saves a log's state on its own: the claim before a CRM side effect.
    func saveCallLog(_ log: CallLog) async throws

    // MARK: Content people and the phone system add

    /// What is known about a call for one extension's log: the agent's input, the recording, the insights.
    func content(session: TelephonySessionID, extension extensionID: ExtensionID) async throws -> CallLogContent
    /// Saves what an agent typed about a call (live or ended) and queues a write, due at `now`, for
    /// each of that extension's logs of the call. Returns the logs queued.
    @discardableResult
    func saveAgentInput(_ input: AgentInput, now: Date) async throws -> [CallLogID]
    /// Saves a call's recording link and queues a write for each of its logs but `running` (the
    /// log whose writer found the link and carries it in the write it is making).
    @discardableResult
    func saveRecording(_ link: RecordingLink, session: TelephonySessionID, now: Date, except running: CallLogID?) async throws -> [CallLogID]
    /// Saves a call's AI insights and queues a write for each of its logs, unless they change
    /// nothing (a repeated delivery, or an older version than the one stored).
    func recordInsights(_ insights: CallInsights, session: TelephonySessionID, now: Date) async throws -> InsightsSave
    /// Stores a person's request to log a call (and their contact choice) and queues its write at `now`,
    /// reviving a dead-lettered job. Throws when there is no such log.
    func requestLog(_ id: CallLogID, _ request: PersonRequest, now: Date) async throws

    // MARK: Jobs

    /// Leases up to `limit` due jobs until `leaseUntil`; a job whose lease lapsed (its worker died) is due again.
    func claimJobs(limit: Int, now: Date, leaseUntil: Date) async throws -> [Job]
    /// Saves the log and, atomically, removes the job or keeps it for `runAgainAt` (a deadline the
    /// log waits for). A job that was triggered again while it ran stays due whatever `runAgainAt` says.
    func completeJob(_ job: Job, log: CallLog, runAgainAt: Date?) async throws
    /// Saves the log and schedules the job again at `runAt`, or dead-letters it when `runAt` is nil.
    /// An attempt the remote side turned away before judging it (a rate limit) gives its attempt back
    /// (`countsAsAttempt` false), so a long backlog against a small budget never runs out of attempts.
    func failJob(_ job: Job, log: CallLog, error: String, runAt: Date?, countsAsAttempt: Bool) async throws
    /// Jobs that ran out of attempts, with their last error.
    func deadJobs() async throws -> [Job]
    /// The earliest time a queued job is due, for a worker deciding how long to sleep.
    func nextJobDue() async throws -> Date?

    // MARK: Cursors

    /// A named bookmark, e.g. how far the call-log sync has read.
    func cursor(_ name: String) async throws -> String?
    func setCursor(_ name: String, to value: String) async throws
}

extension LedgerStore {
    /// Saves a call's AI insights and queues a write for each of its logs; the logs queued.
    @discardableResult
    public func saveInsights(_ insights: CallInsights, session: TelephonySessionID, now: Date) async throws -> [CallLogID] {
        try await self.recordInsights(insights, session: session, now: now).queued
    }

    /// Saves a call's recording link and queues a write for each of its logs.
    @discardableResult
    public func saveRecording(_ link: RecordingLink, session: TelephonySessionID, now: Date) async throws -> [CallLogID] {
        try await self.saveRecording(link, session: session, now: now, except: nil)
    }

    /// Saves the log and schedules the job again at `runAt`, or dead-letters it, the attempt counted.
    public func failJob(_ job: Job, log: CallLog, error: String, runAt: Date?) async throws {
        try await self.failJob(job, log: log, error: error, runAt: runAt, countsAsAttempt: true)
    }

    /// Saves the log and removes the job (unless it was triggered again while it ran).
    public func completeJob(_ job: Job, log: CallLog) async throws {
        try await self.completeJob(job, log: log, runAgainAt: nil)
    }

    /// Folds with jobs due at once.
    public func foldPendingEvents(limit: Int, now: Date, makeID: @escaping @Sendable () -> String) async throws -> FoldReport {
        try await self.foldPendingEvents(limit: limit, now: now, writeAfter: 0, makeID: makeID)
    }
}

/// What saving a call's insights did: whether they replaced what was stored, and the logs queued.
public struct InsightsSave: Sendable, Hashable {
    public var changed: Bool
    public var queued: [CallLogID]

    public init(changed: Bool, queued: [CallLogID]) {
        self.changed = changed
        self.queued = queued
    }
}

/// Whether an appended event was new.
public enum AppendOutcome: String, Sendable, Hashable, Codable {
    case stored
    case duplicate
}

/// What one fold pass did.
public struct FoldReport: Sendable, Hashable {
    public var eventsFolded: Int
    public var callsChanged: Int
    public var logsClaimed: Int
    /// Logs claimed before, queued again because their extension's part of the call ended or changed.
    public var logsRequeued: Int

    public init(eventsFolded: Int = 0, callsChanged: Int = 0, logsClaimed: Int = 0, logsRequeued: Int = 0) {
        self.eventsFolded = eventsFolded
        self.callsChanged = callsChanged
        self.logsClaimed = logsClaimed
        self.logsRequeued = logsRequeued
    }
}

/// Which call logs to list: a state filter, whose calls, a search and a date range, newest first.
public struct CallLogQuery: Sendable, Hashable {
    public enum Filter: String, Sendable, Hashable, CaseIterable {
        case all, unlogged, pending, failed, logged, skipped
    }

    public var filter: Filter
    public var limit: Int
    /// Only this account's calls.
    public var accountID: AccountID?
    /// Only this extension's calls (a person's own).
    public var extensionID: ExtensionID?
    /// Text found in the contact's name or either number.
    public var search: String?
    /// Calls that started at or after this time.
    public var since: Date?
    /// Calls that started before this time.
    public var until: Date?

    public init(
        filter: Filter = .all, limit: Int = 100, accountID: AccountID? = nil, extensionID: ExtensionID? = nil, search: String? = nil,
        since: Date? = nil, until: Date? = nil
    ) {
        self.filter = filter
        self.limit = limit
        self.accountID = accountID
        self.extensionID = extensionID
        self.search = search
        self.since = since
        self.until = until
    }
}
