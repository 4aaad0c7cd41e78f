import GRDB

extension LedgerMigrations {
    /// The authorization-code grant's token pair, sealed, with a fingerprint of its refresh token so
    /// a new pair replaces only the one it came from (compare-and-swap), and the claim of the process
    /// spending that refresh token.
    static func migration0006(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE ringcentral_tokens (
                    name TEXT PRIMARY KEY,
                    sealed_pair BLOB NOT NULL,
                    refresh_fingerprint TEXT NOT NULL,
                    refresh_claimed_until REAL,
                    updated_at REAL NOT NULL
                );
                """
        )
    }
}
