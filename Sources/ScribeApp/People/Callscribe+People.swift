import Foundation
import ScribeCore

extension Callscribe {
    /// Saves notes an agent types about a call, live or ended (saved as they type; `final` when they
    /// press Save). Returns the logs that will carry them.
    public func saveNotes(
        session: TelephonySessionID, extension extensionID: ExtensionID, text: String, final: Bool, by requester: Requester
    ) async throws -> [CallLogID] {
        if case .person(let user) = requester, !(user.isAdmin || user.extensionID == extensionID) {
            throw AccessError.notYourCall
        }
        if case .person(let user) = requester, user.isAdmin, !(try await self.store.extensions(of: user.accountID).contains { $0.id == extensionID }) {
            throw PeopleError.invalidField("extension", "no extension '\(extensionID)' in your account")
        }
        guard text.utf8.count <= ManualLog.maximumNotesLength else {
            throw PeopleError.invalidField("text", "longer than \(ManualLog.maximumNotesLength) bytes")
        }
        let now = self.effects.now()
        let notes = AgentNotes(text: text, isFinal: final, updatedAt: now)
        let logs = try await self.store.saveAgentInput(AgentInput(sessionID: session, extensionID: extensionID, notes: notes), now: now)
        if !logs.isEmpty { self.logsClaimed.signal() }
        return logs
    }

    /// Logs a call by hand: notes, subject, disposition and the contact to log against. A call
    /// already in the CRM has its record updated, never a second one created.
    public func logManually(_ id: CallLogID, _ manual: ManualLog, by requester: Requester) async throws -> CallLog {
        let log = try await self.callLog(id, for: requester)
        let (input, contact) = try manual.validated()
        // The mode of the person who took the call decides, as it does for the writer.
        let settings = try await self.settingsBook.settings(account: log.key.accountID, extension: log.key.extensionID)
        if log.crmRecordID != nil, settings.mode == .allAtOnce {
            throw PeopleError.conflict("this call is already in the CRM and records are never edited in all-at-once mode")
        }
        if log.crmRecordID != nil, let contact, contact != .existing(log.contact?.id ?? "") {
            throw PeopleError.conflict("this call is already logged against \(log.contact?.name ?? "a contact"); its contact cannot change")
        }
        let now = self.effects.now()
        let notes = input.notes.map { AgentNotes(text: $0, isFinal: true, updatedAt: now) }
        try await self.store.saveAgentInput(
            AgentInput(sessionID: log.key.sessionID, extensionID: log.key.extensionID, notes: notes, subject: input.subject, disposition: input.disposition),
            now: now
        )
        try await self.store.requestLog(id, PersonRequest(requestedAt: now, contact: contact ?? log.request?.contact), now: now)
        self.logsClaimed.signal()
        return try await self.store.callLog(id) ?? log
    }

    /// Runs a failed or skipped log again now, with attempts counted afresh.
    public func retry(_ id: CallLogID, by requester: Requester) async throws -> CallLog {
        let log = try await self.callLog(id, for: requester)
        if case .logged = log.state { throw PeopleError.conflict("this call is already logged") }
        let now = self.effects.now()
        try await self.store.requestLog(id, PersonRequest(requestedAt: now, contact: log.request?.contact), now: now)
        self.logsClaimed.signal()
        return try await self.store.callLog(id) ?? log
    }

    /// One log, for the API and the CLI. A log the requester may not see is "not found", so its
    /// existence is not given away.
    public func callLog(_ id: CallLogID, for requester: Requester) async throws -> CallLog {
        guard let log = try await self.store.callLog(id), requester.canSee(log.key) else { throw PeopleError.logNotFound(id.rawValue) }
        return log
    }

    /// The call history the requester may see.
    public func callLogs(_ query: CallLogQuery, for requester: Requester) async throws -> [CallLogSummary] {
        try await self.store.callLogs(requester.scope(query)).map(CallLogSummary.init)
    }
}
