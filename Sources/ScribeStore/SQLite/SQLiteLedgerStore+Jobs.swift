import Foundation
import GRDB
import ScribeCore

extension SQLiteLedgerStore {
    public func claimJobs(limit: Int, now: Date, leaseUntil: Date) async throws -> [Job] {
        try await self.writer.write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM jobs WHERE dead = 0 AND run_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                    ORDER BY run_at, id LIMIT ?
                    """,
                arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970, limit]
            )
            return try rows.map { row in
                // The attempt is counted when it starts, so a job that kills its worker still runs out of attempts.
                let id: Int64 = row["id"]
                try db.execute(
                    sql: "UPDATE jobs SET lease_until = ?, attempts = attempts + 1 WHERE id = ?",
                    arguments: [leaseUntil.timeIntervalSince1970, id]
                )
                return try Self.decodeJob(row, attemptsAdded: 1)
            }
        }
    }

    public func completeJob(_ job: Job, log: CallLog, runAgainAt: Date?) async throws {
        let columns = try CallLogColumns(log)
        try await self.writer.write { db in
            try columns.update(db)
            try JobQueue.finish(job, runAgainAt: runAgainAt, db)
        }
    }

    public func failJob(_ job: Job, log: CallLog, error: String, runAt: Date?, countsAsAttempt: Bool) async throws {
        let columns = try CallLogColumns(log)
        try await self.writer.write { db in
            try columns.update(db)
            if let runAt {
                // The attempt was counted when the job was claimed; one that was turned away is given back.
                try db.execute(
                    sql: "UPDATE jobs SET run_at = ?, lease_until = NULL, last_error = ?, rerun = 0, attempts = MAX(0, attempts - ?) WHERE id = ?",
                    arguments: [runAt.timeIntervalSince1970, error, countsAsAttempt ? 0 : 1, job.id]
                )
            } else {
                try db.execute(sql: "UPDATE jobs SET dead = 1, lease_until = NULL, last_error = ?, rerun = 0 WHERE id = ?", arguments: [error, job.id])
            }
        }
    }

    public func deadJobs() async throws -> [Job] {
        try await self.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM jobs WHERE dead = 1 ORDER BY id").map { try Self.decodeJob($0, attemptsAdded: 0) }
        }
    }

    public func nextJobDue() async throws -> Date? {
        try await self.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(MAX(run_at, COALESCE(lease_until, 0))) FROM jobs WHERE dead = 0")
                .map { Date(timeIntervalSince1970: $0) }
        }
    }

    private static func decodeJob(_ row: Row, attemptsAdded: Int) throws -> Job {
        guard let kind = Job.Kind(rawValue: row["kind"]) else {
            throw DatabaseError(message: "unknown job kind \(String(describing: row["kind"] as String?))")
        }
        return Job(
            id: row["id"], kind: kind, callLogID: CallLogID(row["call_log_id"]), attempts: row["attempts"] + attemptsAdded,
            runAt: Date(timeIntervalSince1970: row["run_at"] as Double), lastError: row["last_error"]
        )
    }
}
