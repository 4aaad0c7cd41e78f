import Foundation
import GRDB
import ScribeCore

extension SQLiteLedgerStore {
    public func callLog(_ id: CallLogID) async throws -> CallLog? {
        try await self.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM call_logs WHERE id = ?", arguments: [id.rawValue]).map(CallLogColumns.decode)
        }
    }

    public func callLogs(_ query: CallLogQuery) async throws -> [CallLog] {
        let condition =
            switch query.filter {
            case .all: "1"
            case .unlogged: "state <> 'logged'"
            case .pending: "state IN ('observed', 'waiting', 'creating')"
            case .failed: "state = 'failed'"
            case .logged: "state = 'logged'"
            case .skipped: "state = 'skipped'"
            }
        return try await self.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM call_logs WHERE \(condition) ORDER BY started_at DESC, id LIMIT ?", arguments: [query.limit]
            ).map(CallLogColumns.decode)
        }
    }

    public func callLogs(session: TelephonySessionID) async throws -> [CallLog] {
        try await self.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM call_logs WHERE session_id = ? ORDER BY created_at, id", arguments: [session.rawValue])
                .map(CallLogColumns.decode)
        }
    }

    public func callLogCounts() async throws -> [String: Int] {
        try await self.writer.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM call_logs GROUP BY state") {
                counts[row["state"]] = row["n"]
            }
            return counts
        }
    }

    public func saveCallLog(_ log: CallLog) async throws {
        let columns = try CallLogColumns(log)
        try await self.writer.write { db in try columns.update(db) }
    }
}
