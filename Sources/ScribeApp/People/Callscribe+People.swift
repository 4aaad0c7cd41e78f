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
        let log = try await self.requests.logManually(id, manual)
        self.logsClaimed.signal()
        return log
    }

    /// Runs a failed or skipped log again now, with attempts counted afresh.
    public func retry(_ id: CallLogID) async throws -> CallLog {
        let log = try await self.requests.retry(id)
        self.logsClaimed.signal()
        return log
    }

    /// One log, for the API and the CLI.
    public func callLog(_ id: CallLogID) async throws -> CallLog {
        try await self.requests.callLog(id)
    }

    /// The same rules with this server's logging mode and clock; the log worker is woken by the caller.
    var requests: CallRequests {
        CallRequests(store: self.store, mode: self.configuration.logging.mode, now: self.effects.now)
    }
}
