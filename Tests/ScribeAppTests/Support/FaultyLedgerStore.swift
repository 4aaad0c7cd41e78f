import Foundation
import ScribeCore
import Synchronization

/// A ledger that forwards to a real one, except for one planned fault.
final class FaultyLedgerStore: LedgerStore {
    enum Fault {
        /// The first `completeJob` fails without touching the ledger: the process "dies" after the
        /// CRM accepted a create and before the ledger heard of it.
        case firstJobCompletion
        /// Every event append fails (a full disk, say).
        case everyAppend
        /// Only a `completeJob` armed by ``failNextJobCompletion()`` fails.
        case armedJobCompletion
        /// Every `completeJob` fails until ``heal()``: a process that "dies" after a batch create.
        case everyJobCompletion
    }

    struct Failure: Error {}

    private let base: any LedgerStore
    private let fault: Fault
    private let completionFailed = Mutex(false)
    private let nextCompletionFails = Mutex(false)

    init(_ base: any LedgerStore, fault: Fault) {
        self.base = base
        self.fault = fault
    }

    private let healed = Mutex(false)

    /// Ends an `everyJobCompletion` fault: the next process is healthy.
    func heal() {
        self.healed.withLock { $0 = true }
    }

    /// The next `completeJob`, whatever the fault, fails without touching the ledger.
    func failNextJobCompletion() {
        self.nextCompletionFails.withLock { $0 = true }
    }

    func completeJob(_ job: Job, log: CallLog, runAgainAt: Date?) async throws {
        let failFirst = self.fault == .firstJobCompletion && self.completionFailed.withLock { failed in
            defer { failed = true }
            return !failed
        }
        let failArmed = self.nextCompletionFails.withLock { armed in
            defer { armed = false }
            return armed
        }
        let failEvery = self.fault == .everyJobCompletion && !self.healed.withLock { $0 }
        if failFirst || failArmed || failEvery { throw Failure() }
        try await self.base.completeJob(job, log: log, runAgainAt: runAgainAt)
    }

    func content(session: TelephonySessionID, extension extensionID: ExtensionID) async throws -> CallLogContent {
        try await self.base.content(session: session, extension: extensionID)
    }
    func saveAgentInput(_ input: AgentInput, now: Date) async throws -> [CallLogID] { try await self.base.saveAgentInput(input, now: now) }
    func saveRecording(_ link: RecordingLink, session: TelephonySessionID, now: Date, except running: CallLogID?) async throws -> [CallLogID] {
        try await self.base.saveRecording(link, session: session, now: now, except: running)
    }
    func recordInsights(_ insights: CallInsights, session: TelephonySessionID, now: Date) async throws -> InsightsSave {
        try await self.base.recordInsights(insights, session: session, now: now)
    }
    func requestLog(_ id: CallLogID, _ request: PersonRequest, now: Date) async throws { try await self.base.requestLog(id, request, now: now) }

    func saveExtensions(_ extensions: [PhoneExtension]) async throws { try await self.base.saveExtensions(extensions) }
    func extensions(of accountID: AccountID) async throws -> [PhoneExtension] { try await self.base.extensions(of: accountID) }
    func saveConnection(_ connection: CRMConnection) async throws { try await self.base.saveConnection(connection) }
    func connections(of accountID: AccountID) async throws -> [CRMConnection] { try await self.base.connections(of: accountID) }
    func connections() async throws -> [CRMConnection] { try await self.base.connections() }
    func appendEvents(_ events: [TelephonyEvent], receivedAt: Date) async throws -> [AppendOutcome] {
        if self.fault == .everyAppend { throw Failure() }
        return try await self.base.appendEvents(events, receivedAt: receivedAt)
    }
    func foldPendingEvents(limit: Int, now: Date, writeAfter: TimeInterval, makeID: @escaping @Sendable () -> String) async throws -> FoldReport {
        try await self.base.foldPendingEvents(limit: limit, now: now, writeAfter: writeAfter, makeID: makeID)
    }
    func call(_ sessionID: TelephonySessionID) async throws -> Call? { try await self.base.call(sessionID) }
    func linkedCalls(of sessionID: TelephonySessionID) async throws -> CallGroup { try await self.base.linkedCalls(of: sessionID) }
    func events(of sessionID: TelephonySessionID) async throws -> [TelephonyEvent] { try await self.base.events(of: sessionID) }
    func calls(of accountID: AccountID, changedSince since: Date) async throws -> [Call] { try await self.base.calls(of: accountID, changedSince: since) }
    func latestChange(of accountID: AccountID) async throws -> Date? { try await self.base.latestChange(of: accountID) }
    func knownSessions(_ sessions: Set<TelephonySessionID>) async throws -> Set<TelephonySessionID> { try await self.base.knownSessions(sessions) }
    func callLog(_ id: CallLogID) async throws -> CallLog? { try await self.base.callLog(id) }
    func callLogs(_ query: CallLogQuery) async throws -> [CallLog] { try await self.base.callLogs(query) }
    func callLogCounts() async throws -> [String: Int] { try await self.base.callLogCounts() }
    func logCoverage(startedFrom from: Date?, before to: Date?) async throws -> [DailyLogCoverage] {
        try await self.base.logCoverage(startedFrom: from, before: to)
    }
    func callLogs(session: TelephonySessionID) async throws -> [CallLog] { try await self.base.callLogs(session: session) }
    func saveCallLog(_ log: CallLog) async throws { try await self.base.saveCallLog(log) }
    func claimJobs(limit: Int, now: Date, leaseUntil: Date) async throws -> [Job] {
        try await self.base.claimJobs(limit: limit, now: now, leaseUntil: leaseUntil)
    }
    func failJob(_ job: Job, log: CallLog, error: String, runAt: Date?, countsAsAttempt: Bool) async throws {
        try await self.base.failJob(job, log: log, error: error, runAt: runAt, countsAsAttempt: countsAsAttempt)
    }
    func deadJobs() async throws -> [Job] { try await self.base.deadJobs() }
    func nextJobDue() async throws -> Date? { try await self.base.nextJobDue() }
    func cursor(_ name: String) async throws -> String? { try await self.base.cursor(name) }
    func setCursor(_ name: String, to value: String) async throws { try await self.base.setCursor(name, to: value) }
}
