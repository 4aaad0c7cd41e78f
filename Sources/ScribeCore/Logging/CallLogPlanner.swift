import Foundation

/// Decides which call logs a folded call calls for, and what each log's next step is. No I/O.
public enum CallLogPlanner {
    /// One log per ended extension leg per connection, skipping keys the ledger already holds.
    public static func newLogs(
        for call: Call, connections: [ConnectionID], existing: Set<CallLogKey>, now: Date, makeID: () -> String
    ) -> [CallLog] {
        var logs: [CallLog] = []
        for leg in call.endedLegs {
            for connection in connections {
                let key = CallLogKey(accountID: call.accountID, extensionID: leg.extensionID, sessionID: call.sessionID, connectionID: connection)
                guard !existing.contains(key) else { continue }
                logs.append(CallLog(id: CallLogID(makeID()), key: key, leg: leg, createdAt: now))
            }
        }
        return logs
    }

    /// The next CRM write for a log whose contact is known.
    ///
    /// - Parameters:
    ///   - isCreated: whether the CRM record exists.
    ///   - byPerson: a person asked for the log now, so nothing is waited for.
    public static func nextStep(
        isCreated: Bool, checklist: ArtifactChecklist, mode: LoggingMode, byPerson: Bool
    ) -> LogStep {
        if !isCreated {
            if byPerson { return .create }
            // Incremental mode waits only for notes the agent is about to type; all-at-once waits for everything expected.
            let blocking: Set<Artifact> = mode == .incremental ? [.notes] : Set(Artifact.allCases)
            if let pending = checklist.pending(among: blocking) { return .wait(for: pending.artifacts, until: pending.until) }
            return .create
        }
        guard mode == .incremental || byPerson else { return .done }
        if !checklist.ready.isEmpty { return .update }
        return .done
    }
}

/// What to do next with a log.
public enum LogStep: Sendable, Hashable {
    /// Wait for these artifacts until the earliest of their deadlines.
    case wait(for: [Artifact], until: Date)
    case create
    case update
    /// Nothing to write now.
    case done
}
