import Foundation
import ScribeCore

/// A person's requests about one call log (log it by hand, run it again), carried out on the
/// ledger alone: the request is stored and the log's job queued, and whichever server's writer
/// leases the job next carries it out. The running server (``Callscribe``) and the command line,
/// which has no workers of its own, share these rules.
public struct CallRequests: Sendable {
    let store: any LedgerStore
    /// All-at-once records are never edited, so a logged call cannot be logged again by hand.
    let mode: LoggingMode
    let now: @Sendable () -> Date

    public init(store: any LedgerStore, mode: LoggingMode, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.mode = mode
        self.now = now
    }

    /// Logs a call by hand: notes, subject, disposition and the contact to log against. A call
    /// already in the CRM has its record updated, never a second one created.
    public func logManually(_ id: CallLogID, _ manual: ManualLog) async throws -> CallLog {
        let log = try await self.callLog(id)
        let (input, contact) = try manual.validated()
        if log.crmRecordID != nil, self.mode == .allAtOnce {
            throw PeopleError.conflict("this call is already in the CRM and records are never edited in all-at-once mode")
        }
        if log.crmRecordID != nil, let contact, contact != .existing(log.contact?.id ?? "") {
            throw PeopleError.conflict("this call is already logged against \(log.contact?.name ?? "a contact"); its contact cannot change")
        }
        let now = self.now()
        let notes = input.notes.map { AgentNotes(text: $0, isFinal: true, updatedAt: now) }
        try await self.store.saveAgentInput(
            AgentInput(sessionID: log.key.sessionID, extensionID: log.key.extensionID, notes: notes, subject: input.subject, disposition: input.disposition),
            now: now
        )
        try await self.store.requestLog(id, PersonRequest(requestedAt: now, contact: contact ?? log.request?.contact), now: now)
        return try await self.store.callLog(id) ?? log
    }

    /// Runs a failed or skipped log again now, with attempts counted afresh.
    public func retry(_ id: CallLogID) async throws -> CallLog {
        let log = try await self.callLog(id)
        if case .logged = log.state { throw PeopleError.conflict("this call is already logged") }
        let now = self.now()
        try await self.store.requestLog(id, PersonRequest(requestedAt: now, contact: log.request?.contact), now: now)
        return try await self.store.callLog(id) ?? log
    }

    /// One log; ``PeopleError/logNotFound(_:)`` when there is none.
    public func callLog(_ id: CallLogID) async throws -> CallLog {
        guard let log = try await self.store.callLog(id) else { throw PeopleError.logNotFound(id.rawValue) }
        return log
    }
}
