import Foundation
import GRDB
import ScribeCore

/// What one fold pass reads: the oldest pending events and, for their sessions, the stored calls,
/// the log keys already claimed and the accounts' CRM connections. Raw JSON, decoded outside the read.
struct FoldSnapshot {
    var lastSeq: Int64?
    var eventBodies: [String] = []
    var callBodies: [TelephonySessionID: String] = [:]
    var logKeys: [TelephonySessionID: Set<CallLogKey>] = [:]
    var connections: [AccountID: [ConnectionID]] = [:]

    static func read(limit: Int, _ db: Database) throws -> FoldSnapshot {
        var snapshot = FoldSnapshot()
        let rows = try Row.fetchAll(
            db, sql: "SELECT seq, session_id, account_id, body FROM telephony_events WHERE folded = 0 ORDER BY seq LIMIT ?", arguments: [limit]
        )
        snapshot.lastSeq = rows.last?["seq"]
        snapshot.eventBodies = rows.map { $0["body"] }
        for session in Set(rows.map { TelephonySessionID($0["session_id"] as String) }) {
            snapshot.callBodies[session] = try String.fetchOne(db, sql: "SELECT body FROM calls WHERE session_id = ?", arguments: [session.rawValue])
            snapshot.logKeys[session] = try SQLiteLedgerStore.logKeys(of: session, db)
        }
        for account in Set(rows.map { AccountID($0["account_id"] as String) }) {
            snapshot.connections[account] = try String.fetchAll(
                db, sql: "SELECT id FROM connections WHERE account_id = ? ORDER BY id", arguments: [account.rawValue]
            ).map { ConnectionID($0) }
        }
        return snapshot
    }
}
