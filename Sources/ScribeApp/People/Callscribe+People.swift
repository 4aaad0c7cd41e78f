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

    /// Logs a call by hand: notes, subject, disposition, the contact to log against and the deal to
    /// attach the record to (checked against the contact's open deals in the CRM). A call already in
    /// the CRM has its record updated, never a second one created.
    public func logManually(_ id: CallLogID, _ manual: ManualLog, by requester: Requester) async throws -> CallLog {
        var manual = manual
        // A disposition from the CRM's list is stored by its label, whichever way the person named it.
        manual.disposition = try await self.checkedDisposition(manual.disposition, for: try await self.requests.callLog(id, for: requester))
        let log = try await self.requests.logManually(
            id, manual, by: requester,
            relatedRecords: { log, contact in try await self.connectors.connector(for: log.key.connectionID).relatedRecords(of: contact) },
            customFields: { log in try await self.customFields(of: log.key.connectionID) }
        )
        self.logsClaimed.signal()
        return log
    }

    /// Runs a failed or skipped log again now, with attempts counted afresh.
    public func retry(_ id: CallLogID, by requester: Requester) async throws -> CallLog {
        let log = try await self.requests.retry(id, by: requester)
        self.logsClaimed.signal()
        return log
    }

    /// One log, for the API and the CLI. A log the requester may not see is "not found".
    public func callLog(_ id: CallLogID, for requester: Requester) async throws -> CallLog {
        try await self.requests.callLog(id, for: requester)
    }

    /// The same rules with this server's settings and clock; the log worker is woken by the caller.
    var requests: CallRequests {
        CallRequests(store: self.store, settings: self.settingsBook, now: self.effects.now)
    }

    /// The call history the requester may see.
    public func callLogs(_ query: CallLogQuery, for requester: Requester) async throws -> [CallLogSummary] {
        try await self.store.callLogs(requester.scope(query)).map(CallLogSummary.init)
    }
}
