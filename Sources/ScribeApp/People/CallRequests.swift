import Foundation
import ScribeCore

/// A person's requests about one call log (log it by hand, run it again), carried out on the
/// ledger alone: the request is stored and the log's job queued, and whichever server's writer
/// leases the job next carries it out. The running server (``Callscribe``) and the command line,
/// which has no workers of its own, share these rules.
public struct CallRequests: Sendable {
    let store: any LedgerStore
    /// The mode of the person who took the call: all-at-once records are never edited, so a logged
    /// call cannot be logged again by hand.
    let settings: SettingsBook
    let now: @Sendable () -> Date

    public init(store: any LedgerStore, settings: SettingsBook, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.settings = settings
        self.now = now
    }

    /// Logs a call by hand: notes, subject, disposition and the contact to log against. A call
    /// already in the CRM has its record updated, never a second one created.
    public func logManually(_ id: CallLogID, _ manual: ManualLog, by requester: Requester) async throws -> CallLog {
        let log = try await self.callLog(id, for: requester)
        let (input, contact) = try manual.validated()
        let mode = try await self.settings.settings(account: log.key.accountID, extension: log.key.extensionID).mode
        if log.crmRecordID != nil, mode == .allAtOnce {
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
    public func retry(_ id: CallLogID, by requester: Requester) async throws -> CallLog {
        let log = try await self.callLog(id, for: requester)
        if case .logged = log.state { throw PeopleError.conflict("this call is already logged") }
        let now = self.now()
        try await self.store.requestLog(id, PersonRequest(requestedAt: now, contact: log.request?.contact), now: now)
        return try await self.store.callLog(id) ?? log
    }

    /// One log; ``PeopleError/logNotFound(_:)`` when there is none or the requester may not see it,
    /// so its existence is not given away.
    public func callLog(_ id: CallLogID, for requester: Requester) async throws -> CallLog {
        guard let log = try await self.store.callLog(id), requester.canSee(log.key) else { throw PeopleError.logNotFound(id.rawValue) }
        return log
    }
}
