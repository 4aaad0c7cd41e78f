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
        let stateCondition =
            switch query.filter {
            case .all: "1"
            case .unlogged: "state <> 'logged'"
            case .pending: "state IN ('observed', 'waiting', 'creating')"
            case .failed: "state = 'failed'"
            case .logged: "state = 'logged'"
            case .skipped: "state = 'skipped'"
            }
        var conditions = [stateCondition]
        var arguments: StatementArguments = []
        if let account = query.accountID {
            conditions.append("account_id = ?")
            arguments += [account.rawValue]
        }
        if let extensionID = query.extensionID {
            conditions.append("extension_id = ?")
            arguments += [extensionID.rawValue]
        }
        if let since = query.since {
            conditions.append("started_at >= ?")
            arguments += [since.timeIntervalSince1970]
        }
        if let until = query.until {
            conditions.append("started_at < ?")
            arguments += [until.timeIntervalSince1970]
        }
        if let search = query.search, !search.isEmpty {
            // The contact's name and both numbers are inside these JSON columns; LIKE is case-insensitive for ASCII.
            // JSON escapes `/`, `"` and `\` in them, so the text is looked for as JSON writes it.
            let text = try LedgerJSON.encode(search).dropFirst().dropLast()
            let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            conditions.append("(contact LIKE ? ESCAPE '\\' OR leg LIKE ? ESCAPE '\\')")
            arguments += [pattern, pattern]
        }
        arguments += [query.limit]
        let sql = "SELECT * FROM call_logs WHERE \(conditions.joined(separator: " AND ")) ORDER BY started_at DESC, id LIMIT ?"
        let bound = arguments
        return try await self.writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map(CallLogColumns.decode)
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
