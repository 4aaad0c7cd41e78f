import GRDB

extension LedgerMigrations {
    /// The recordings to copy to the local archive, one row each: `pending` until downloaded (with
    /// attempts, the next try and a lease), then `archived` with the file, or `failed` once given up.
    /// The recordings the ledger already knows are queued too, so they are archived when archiving
    /// is switched on.
    static func migration0005(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE recording_archive (
                    recording_id TEXT PRIMARY KEY,
                    session_id TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    due_at REAL NOT NULL,
                    lease_until REAL,
                    file_name TEXT,
                    content_type TEXT,
                    size INTEGER,
                    last_error TEXT,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX recording_archive_due ON recording_archive (state, due_at);

                INSERT OR IGNORE INTO recording_archive (recording_id, session_id, state, due_at, created_at, updated_at)
                SELECT json_extract(recording, '$.recordingID'), session_id, 'pending', updated_at, updated_at, updated_at
                FROM call_media
                WHERE recording IS NOT NULL AND json_extract(recording, '$.recordingID') IS NOT NULL;
                """
        )
    }
}
