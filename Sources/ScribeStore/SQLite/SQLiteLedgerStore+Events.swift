import Foundation
import GRDB
import ScribeCore

extension SQLiteLedgerStore {
    public func appendEvents(_ events: [TelephonyEvent], receivedAt: Date) async throws -> [AppendOutcome] {
        let rows = try events.map { ($0, try LedgerJSON.encode($0)) }
        return try await self.writer.write { (db: Database) throws -> [AppendOutcome] in
            try rows.map { event, body -> AppendOutcome in
                try db.execute(
                    sql: """
                        INSERT INTO telephony_events (id, account_id, session_id, sequence, event_time, received_at, body)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                        """,
                    arguments: [
                        event.id.rawValue, event.accountID.rawValue, event.sessionID.rawValue, event.sequence,
                        event.eventTime.timeIntervalSince1970, receivedAt.timeIntervalSince1970, body,
                    ]
                )
                return db.changesCount == 1 ? .stored : .duplicate
            }
        }
    }

    public func foldPendingEvents(limit: Int, now: Date, makeID: @escaping @Sendable () -> String) async throws -> FoldReport {
        try await self.writer.write { (db: Database) throws -> FoldReport in
            let rows = try Row.fetchAll(db, sql: "SELECT seq, body FROM telephony_events WHERE folded = 0 ORDER BY seq LIMIT ?", arguments: [limit])
            guard let lastSeq = rows.last?["seq"] as Int64? else { return FoldReport() }
            let events = try rows.map { try LedgerJSON.decode(TelephonyEvent.self, from: $0["body"]) }
            var report = FoldReport(eventsFolded: events.count)
            var connectionsByAccount: [AccountID: [ConnectionID]] = [:]
            for (sessionID, sessionEvents) in Dictionary(grouping: events, by: \.sessionID) {
                var call = try Self.loadCall(sessionID, db) ?? Call(sessionID: sessionID, accountID: sessionEvents[0].accountID)
                let before = call
                for event in sessionEvents { call.apply(event) }
                guard call != before else { continue }
                report.callsChanged += 1
                try db.execute(
                    sql: "INSERT INTO accounts (id, first_seen_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                    arguments: [call.accountID.rawValue, now.timeIntervalSince1970]
                )
                try db.execute(
                    sql: """
                        INSERT INTO calls (session_id, account_id, body, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (session_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
                        """,
                    arguments: [sessionID.rawValue, call.accountID.rawValue, try LedgerJSON.encode(call), now.timeIntervalSince1970]
                )
                if connectionsByAccount[call.accountID] == nil {
                    connectionsByAccount[call.accountID] = try String.fetchAll(
                        db, sql: "SELECT id FROM connections WHERE account_id = ? ORDER BY id", arguments: [call.accountID.rawValue]
                    ).map { ConnectionID($0) }
                }
                let existing = try Self.logKeys(of: sessionID, db)
                let logs = CallLogPlanner.newLogs(
                    for: call, connections: connectionsByAccount[call.accountID] ?? [], existing: existing, now: now, makeID: makeID
                )
                for log in logs {
                    guard try Self.insertClaim(log, db) else { continue }
                    try db.execute(
                        sql: "INSERT INTO jobs (kind, call_log_id, run_at) VALUES (?, ?, ?)",
                        arguments: [Job.Kind.writeCallLog.rawValue, log.id.rawValue, now.timeIntervalSince1970]
                    )
                    report.logsClaimed += 1
                }
            }
            try db.execute(sql: "UPDATE telephony_events SET folded = 1 WHERE folded = 0 AND seq <= ?", arguments: [lastSeq])
            return report
        }
    }

    public func call(_ sessionID: TelephonySessionID) async throws -> Call? {
        try await self.writer.read { db in try Self.loadCall(sessionID, db) }
    }

    public func events(of sessionID: TelephonySessionID) async throws -> [TelephonyEvent] {
        try await self.writer.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM telephony_events WHERE session_id = ? ORDER BY sequence, seq", arguments: [sessionID.rawValue])
                .map { try LedgerJSON.decode(TelephonyEvent.self, from: $0) }
        }
    }

    static func loadCall(_ sessionID: TelephonySessionID, _ db: Database) throws -> Call? {
        try String.fetchOne(db, sql: "SELECT body FROM calls WHERE session_id = ?", arguments: [sessionID.rawValue])
            .map { try LedgerJSON.decode(Call.self, from: $0) }
    }

    private static func logKeys(of sessionID: TelephonySessionID, _ db: Database) throws -> Set<CallLogKey> {
        Set(
            try Row.fetchAll(db, sql: "SELECT account_id, extension_id, connection_id FROM call_logs WHERE session_id = ?", arguments: [sessionID.rawValue])
                .map { row in
                    CallLogKey(
                        accountID: AccountID(row["account_id"]), extensionID: ExtensionID(row["extension_id"]),
                        sessionID: sessionID, connectionID: ConnectionID(row["connection_id"])
                    )
                }
        )
    }

    /// Inserts a new log; false when its key is already claimed.
    private static func insertClaim(_ log: CallLog, _ db: Database) throws -> Bool {
        let columns = try CallLogColumns(log)
        try db.execute(
            sql: """
                INSERT INTO call_logs (id, account_id, extension_id, session_id, connection_id, state, state_detail, leg,
                    artifacts, contact, crm_record_id, rendered_hash, note, attempts, started_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id, extension_id, session_id, connection_id) DO NOTHING
                """,
            arguments: columns.insertArguments
        )
        return db.changesCount == 1
    }
}
