import Foundation

/// Decides which call logs a folded call calls for, and what each log's next step is. No I/O.
public enum CallLogPlanner {
    /// One log per extension leg per connection, skipping keys the ledger already holds. A leg is
    /// claimed as soon as it is answered (see ``Call/legs``), so a record can be created while the
    /// call lasts when the settings say so; otherwise the log waits for the call to end.
    public static func newLogs(
        for call: Call, connections: [ConnectionID], existing: Set<CallLogKey>, now: Date, makeID: () -> String
    ) -> [CallLog] {
        var logs: [CallLog] = []
        for leg in call.legs {
            for connection in connections {
                let key = CallLogKey(accountID: call.accountID, extensionID: leg.extensionID, sessionID: call.sessionID, connectionID: connection)
                guard !existing.contains(key) else { continue }
                logs.append(CallLog(id: CallLogID(makeID()), key: key, leg: leg, createdAt: now))
            }
        }
        return logs
    }

    /// Whether a log of `leg` waits for the call to end before anything else is decided: a call in
    /// progress is logged now only when a person asks, or when incremental settings create records when
    /// the call connects and no rule needs the call's length.
    public static func waitsForCallEnd(_ leg: CallLeg, settings: LoggingSettings, byPerson: Bool) -> Bool {
        guard leg.inProgress, !byPerson else { return false }
        let createsNow = settings.mode == .incremental && settings.createWhen == .connected && settings.policy.minimumDuration == 0
        return !createsNow
    }

    /// The next CRM write for a log whose contact is known.
    ///
    /// - Parameters:
    ///   - isCreated: whether the CRM record exists.
    ///   - inProgress: the call is still going (the record is being created when it connects).
    ///   - byPerson: a person asked for the log now, so nothing is waited for.
    ///   - setsFields: the person's request sets custom fields, which is a write even when nothing else changed.
    public static func nextStep(
        isCreated: Bool, checklist: ArtifactChecklist, mode: LoggingMode, inProgress: Bool = false, byPerson: Bool, setsFields: Bool = false
    ) -> LogStep {
        if inProgress && !byPerson {
            // Created when the call connected; the rest is written once, when it ends.
            return isCreated ? .done : .create
        }
        if !isCreated {
            if byPerson { return .create }
            // Incremental mode waits only for notes the agent is about to type; all-at-once waits for everything expected.
            let blocking: Set<Artifact> = mode == .incremental ? [.notes] : Set(Artifact.allCases)
            if let pending = checklist.pending(among: blocking) { return .wait(for: pending.artifacts, until: pending.until) }
            return .create
        }
        guard mode == .incremental || byPerson else { return .done }
        // The call's end (a record created when it connected) is written with the notes typed during it,
        // in one update rather than two.
        if !byPerson, checklist.ready.contains(.basics), let pending = checklist.pending(among: [.notes]) {
            return .wait(for: pending.artifacts, until: pending.until)
        }
        if !checklist.ready.isEmpty || (byPerson && setsFields) { return .update }
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
