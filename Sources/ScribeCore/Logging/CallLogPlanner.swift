import Foundation

/// Decides which call logs a folded call calls for: one per ended extension leg per connection,
/// skipping keys the ledger already holds.
public enum CallLogPlanner {
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
}
