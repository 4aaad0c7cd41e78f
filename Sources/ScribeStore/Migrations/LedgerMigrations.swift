import GRDB

/// The ledger's schema, as numbered migrations. A migration is frozen once it has landed: change the
/// schema by adding the next one. Migrations use plain SQL and names, never model types.
enum LedgerMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001_create_ledger", migrate: migration0001)
        migrator.registerMigration("0002_call_content_and_progress", migrate: migration0002)
        migrator.registerMigration("0003_people", migrate: migration0003)
        migrator.registerMigration("0004_call_links", migrate: migration0004)
        migrator.registerMigration("0005_recording_archive", migrate: migration0005)
        migrator.registerMigration("0006_ringcentral_tokens", migrate: migration0006)
        return migrator
    }

    private static func migration0001(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE accounts (
                    id TEXT PRIMARY KEY,
                    first_seen_at REAL NOT NULL
                );

                CREATE TABLE extensions (
                    id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    extension_number TEXT NOT NULL,
                    name TEXT NOT NULL
                );
                CREATE INDEX extensions_by_account ON extensions (account_id);

                CREATE TABLE connections (
                    id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    base_url TEXT NOT NULL,
                    sealed_credential BLOB NOT NULL
                );
                CREATE INDEX connections_by_account ON connections (account_id);

                CREATE TABLE telephony_events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    account_id TEXT NOT NULL,
                    session_id TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    event_time REAL NOT NULL,
                    received_at REAL NOT NULL,
                    body TEXT NOT NULL,
                    folded INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX telephony_events_unfolded ON telephony_events (seq) WHERE folded = 0;
                CREATE INDEX telephony_events_by_session ON telephony_events (session_id, sequence);

                CREATE TABLE calls (
                    session_id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    body TEXT NOT NULL,
                    updated_at REAL NOT NULL
                );

                CREATE TABLE call_logs (
                    id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    extension_id TEXT NOT NULL,
                    session_id TEXT NOT NULL,
                    connection_id TEXT NOT NULL,
                    state TEXT NOT NULL,
                    state_detail TEXT NOT NULL,
                    leg TEXT NOT NULL,
                    artifacts TEXT NOT NULL,
                    contact TEXT,
                    crm_record_id TEXT,
                    rendered_hash TEXT,
                    note TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    started_at REAL NOT NULL,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    UNIQUE (account_id, extension_id, session_id, connection_id)
                );
                CREATE INDEX call_logs_by_session ON call_logs (session_id);
                CREATE INDEX call_logs_by_state ON call_logs (state, started_at);
                CREATE INDEX call_logs_by_start ON call_logs (started_at);

                CREATE TABLE jobs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    call_log_id TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    run_at REAL NOT NULL,
                    lease_until REAL,
                    last_error TEXT,
                    dead INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX jobs_due ON jobs (dead, run_at);

                CREATE TABLE cursors (
                    name TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """
        )
    }

    /// What people and the phone system add to a call (notes, recordings, insights) in tables the
    /// CRM writer never writes; the writer's own progress on a log; one job per log, which a
    /// trigger during a run marks to run again.
    private static func migration0002(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE call_content (
                    session_id TEXT NOT NULL,
                    extension_id TEXT NOT NULL,
                    notes TEXT,
                    subject TEXT,
                    disposition TEXT,
                    updated_at REAL NOT NULL,
                    PRIMARY KEY (session_id, extension_id)
                );

                CREATE TABLE call_media (
                    session_id TEXT PRIMARY KEY,
                    recording TEXT,
                    insights TEXT,
                    updated_at REAL NOT NULL
                );

                ALTER TABLE call_logs ADD COLUMN progress TEXT;
                ALTER TABLE call_logs ADD COLUMN request TEXT;

                ALTER TABLE jobs ADD COLUMN rerun INTEGER NOT NULL DEFAULT 0;
                CREATE UNIQUE INDEX jobs_one_per_log ON jobs (call_log_id);
                """
        )
    }

    /// People who sign in, their sessions and API tokens (only hashes of the tokens), and the settings
    /// they and their admins choose, as JSON by scope (`user:<id>` or `account:<id>`).
    private static func migration0003(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    extension_id TEXT,
                    email TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    password_hash TEXT NOT NULL
                );
                CREATE INDEX users_by_account ON users (account_id);
                CREATE INDEX users_by_extension ON users (extension_id);

                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    expires_at REAL NOT NULL
                );
                CREATE INDEX sessions_by_expiry ON sessions (expires_at);

                CREATE TABLE api_tokens (
                    id TEXT PRIMARY KEY,
                    token_hash TEXT NOT NULL UNIQUE,
                    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    created_at REAL NOT NULL
                );

                CREATE INDEX call_logs_by_extension ON call_logs (extension_id, started_at);
                CREATE INDEX call_logs_by_account_change ON call_logs (account_id, updated_at);
                CREATE INDEX calls_by_account_change ON calls (account_id, updated_at);

                CREATE TABLE settings (
                    scope TEXT PRIMARY KEY,
                    value TEXT NOT NULL,
                    updated_at REAL NOT NULL
                );
                """
        )
    }

    /// Sessions joined by a party that moved from one to the other (`Gone` with a `peerId`).
    private static func migration0004(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE call_links (
                    session_id TEXT NOT NULL,
                    peer_session_id TEXT NOT NULL,
                    PRIMARY KEY (session_id, peer_session_id)
                );
                CREATE INDEX call_links_by_peer ON call_links (peer_session_id);
                """
        )
    }
}
