import Foundation
import GRDB
import ScribeCore

extension SQLiteLedgerStore: RecordingArchiveStore {
    /// Within a transaction: queues a recording for the archive unless it is queued or archived already.
    static func queueRecordingDownload(_ recordingID: String, session: TelephonySessionID, now: Date, _ db: Database) throws {
        let time = now.timeIntervalSince1970
        try db.execute(
            sql: """
                INSERT INTO recording_archive (recording_id, session_id, state, due_at, created_at, updated_at) VALUES (?, ?, 'pending', ?, ?, ?)
                ON CONFLICT (recording_id) DO NOTHING
                """,
            arguments: [recordingID, session.rawValue, time, time, time]
        )
    }

    public func claimRecordingDownloads(limit: Int, now: Date, leaseUntil: Date) async throws -> [RecordingDownload] {
        try await self.writer.write { db in
            let time = now.timeIntervalSince1970
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT recording_id, session_id, attempts FROM recording_archive
                    WHERE state = 'pending' AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                    ORDER BY due_at, recording_id LIMIT ?
                    """,
                arguments: [time, time, limit]
            )
            let downloads = rows.map { row in
                RecordingDownload(recordingID: row["recording_id"], sessionID: TelephonySessionID(row["session_id"] as String), attempts: row["attempts"])
            }
            for download in downloads {
                try db.execute(
                    sql: "UPDATE recording_archive SET lease_until = ?, updated_at = ? WHERE recording_id = ?",
                    arguments: [leaseUntil.timeIntervalSince1970, time, download.recordingID]
                )
            }
            return downloads
        }
    }

    public func markRecordingArchived(_ recordingID: String, file: ArchivedRecording, now: Date) async throws {
        try await self.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE recording_archive SET state = 'archived', file_name = ?, content_type = ?, size = ?, lease_until = NULL,
                        last_error = NULL, updated_at = ?
                    WHERE recording_id = ?
                    """,
                arguments: [file.fileName, file.contentType, file.size, now.timeIntervalSince1970, recordingID]
            )
        }
    }

    public func markRecordingDownloadFailed(_ recordingID: String, error: String, retryAt: Date?, now: Date) async throws {
        try await self.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE recording_archive SET state = ?, attempts = attempts + 1, due_at = ?, lease_until = NULL, last_error = ?, updated_at = ?
                    WHERE recording_id = ? AND state = 'pending'
                    """,
                arguments: [retryAt == nil ? "failed" : "pending", (retryAt ?? now).timeIntervalSince1970, error, now.timeIntervalSince1970, recordingID]
            )
        }
    }

    public func archivedRecording(_ recordingID: String) async throws -> ArchivedRecording? {
        try await self.writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT file_name, content_type, size FROM recording_archive WHERE recording_id = ? AND state = 'archived'",
                arguments: [recordingID]
            ).map { ArchivedRecording(fileName: $0["file_name"], contentType: $0["content_type"], size: $0["size"]) }
        }
    }

    public func nextRecordingDownloadDue() async throws -> Date? {
        try await self.writer.read { db in
            // A leased download is due again when its lease lapses.
            try Double.fetchOne(
                db, sql: "SELECT MIN(MAX(due_at, COALESCE(lease_until, 0))) FROM recording_archive WHERE state = 'pending'"
            ).map { Date(timeIntervalSince1970: $0) }
        }
    }
}
