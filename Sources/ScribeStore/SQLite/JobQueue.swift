import Foundation
import GRDB
import ScribeCore

/// The SQL of the outbox's one-job-per-log queue, shared by everything that schedules a write.
enum JobQueue {
    /// Makes sure the log's write runs at `date` at the latest: inserts its job, brings a queued one
    /// forward, revives a dead one, or marks a running one to run again when it finishes.
    static func schedule(_ id: CallLogID, at date: Date, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO jobs (kind, call_log_id, run_at) VALUES (?, ?, ?)
                ON CONFLICT (call_log_id) DO UPDATE SET
                    run_at = CASE WHEN dead = 1 THEN excluded.run_at ELSE MIN(run_at, excluded.run_at) END,
                    attempts = CASE WHEN dead = 1 THEN 0 ELSE attempts END,
                    last_error = CASE WHEN dead = 1 THEN NULL ELSE last_error END,
                    dead = 0,
                    rerun = CASE WHEN lease_until IS NOT NULL THEN 1 ELSE 0 END
                """,
            arguments: [Job.Kind.writeCallLog.rawValue, id.rawValue, date.timeIntervalSince1970]
        )
    }

    /// Schedules every log of a call (of one extension, when given) at `date`; returns them.
    static func scheduleLogs(
        of session: TelephonySessionID, extension extensionID: ExtensionID?, at date: Date, except running: CallLogID? = nil, _ db: Database
    ) throws -> [CallLogID] {
        let ids =
            if let extensionID {
                try String.fetchAll(
                    db, sql: "SELECT id FROM call_logs WHERE session_id = ? AND extension_id = ? ORDER BY id", arguments: [session.rawValue, extensionID.rawValue]
                )
            } else {
                try String.fetchAll(db, sql: "SELECT id FROM call_logs WHERE session_id = ? ORDER BY id", arguments: [session.rawValue])
            }
        let queued = ids.map { CallLogID($0) }.filter { $0 != running }
        for id in queued { try self.schedule(id, at: date, db) }
        return queued
    }

    /// Ends a run: removes the job, or keeps it for `runAgainAt`; a job triggered during the run
    /// stays due at its triggered time.
    static func finish(_ job: Job, runAgainAt: Date?, _ db: Database) throws {
        guard let rerun = try Bool.fetchOne(db, sql: "SELECT rerun = 1 FROM jobs WHERE id = ?", arguments: [job.id]) else { return }
        if rerun {
            try db.execute(
                sql: "UPDATE jobs SET rerun = 0, lease_until = NULL, attempts = 0, last_error = NULL WHERE id = ?", arguments: [job.id]
            )
        } else if let runAgainAt {
            try db.execute(
                sql: "UPDATE jobs SET run_at = ?, lease_until = NULL, attempts = 0, last_error = NULL WHERE id = ?",
                arguments: [runAgainAt.timeIntervalSince1970, job.id]
            )
        } else {
            try db.execute(sql: "DELETE FROM jobs WHERE id = ?", arguments: [job.id])
        }
    }
}
