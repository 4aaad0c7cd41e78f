import Foundation
import GRDB
import ScribeCore

extension SQLiteLedgerStore {
    /// Counts in SQL, by day and state; skipped and failed logs are further grouped by their state
    /// detail (which carries the reason) and decoded with ``CallLogState``'s own Codable, so the
    /// report cannot drift from how states are stored. Logged and pending logs, the bulk, are never
    /// decoded one by one.
    public func logCoverage(startedFrom from: Date?, before to: Date?) async throws -> [DailyLogCoverage] {
        var conditions: [String] = []
        var bounds: [Double] = []
        if let from {
            conditions.append("started_at >= ?")
            bounds.append(from.timeIntervalSince1970)
        }
        if let to {
            conditions.append("started_at < ?")
            bounds.append(to.timeIntervalSince1970)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT date(started_at, 'unixepoch') AS day, MIN(state_detail) AS detail, COUNT(*) AS n
            FROM call_logs \(filter)
            GROUP BY day, state, CASE WHEN state IN ('skipped', 'failed') THEN state_detail END
            """
        let arguments = StatementArguments(bounds)
        let groups = try await self.writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in (day: row["day"] as String, detail: row["detail"] as String, count: row["n"] as Int) }
        }
        var days: [UTCDay: LogOutcomeCounts] = [:]
        for group in groups {
            guard let day = UTCDay(group.day) else { throw LedgerStoreError.corruptValue("call_logs.started_at gives day '\(group.day)'") }
            days[day, default: LogOutcomeCounts()].add(try LedgerJSON.decode(CallLogState.self, from: group.detail), count: group.count)
        }
        return days.keys.sorted().map { DailyLogCoverage(day: $0, counts: days[$0] ?? LogOutcomeCounts()) }
    }

    public func knownSessions(_ sessions: Set<TelephonySessionID>) async throws -> Set<TelephonySessionID> {
        let ids = sessions.map(\.rawValue)
        // SQLite caps the number of bound parameters; a page of the call log fits in a few chunks.
        let chunks = stride(from: 0, to: ids.count, by: 400).map { Array(ids[$0..<min($0 + 400, ids.count)]) }
        return try await self.writer.read { db in
            var known: Set<TelephonySessionID> = []
            for chunk in chunks {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let found = try String.fetchAll(
                    db,
                    sql: """
                        SELECT session_id FROM calls WHERE session_id IN (\(marks))
                        UNION SELECT session_id FROM telephony_events WHERE session_id IN (\(marks))
                        """,
                    arguments: StatementArguments(chunk + chunk)
                )
                known.formUnion(found.map { TelephonySessionID($0) })
            }
            return known
        }
    }
}
