import Foundation
import ScribeCore

extension Callscribe {
    /// Saves notes an agent types about a call, live or ended (saved as they type; `final` when they
    /// press Save). Returns the logs that will carry them.
    public func saveNotes(session: TelephonySessionID, extension extensionID: ExtensionID, text: String, final: Bool) async throws -> [CallLogID] {
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
    public func logManually(_ id: CallLogID, _ manual: ManualLog) async throws -> CallLog {
        let log = try await self.callLog(id)
        let (input, contact) = try manual.validated()
        if log.crmRecordID != nil, self.configuration.logging.mode == .allAtOnce {
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
    public func retry(_ id: CallLogID) async throws -> CallLog {
        let log = try await self.callLog(id)
        if case .logged = log.state { throw PeopleError.conflict("this call is already logged") }
        let now = self.effects.now()
        try await self.store.requestLog(id, PersonRequest(requestedAt: now, contact: log.request?.contact), now: now)
        self.logsClaimed.signal()
        return try await self.store.callLog(id) ?? log
    }

    /// One log, for the API and the CLI.
    public func callLog(_ id: CallLogID) async throws -> CallLog {
        guard let log = try await self.store.callLog(id) else { throw PeopleError.logNotFound(id.rawValue) }
        return log
    }
}
