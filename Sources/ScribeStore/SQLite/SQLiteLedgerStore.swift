import Foundation
import GRDB
import ScribeCore

/// The ledger on SQLite: one file in WAL mode, or memory for tests.
///
/// Every method is one transaction. Writes are serialized by SQLite; reads run concurrently.
public final class SQLiteLedgerStore: LedgerStore {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the ledger at `path` and brings its schema up to date.
    public convenience init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Committed transactions survive a killed process with NORMAL in WAL mode; only a power
            // loss could lose the last ones, which the phone system's call log lets us repair.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        try self.init(writer: DatabasePool(path: path, configuration: configuration))
    }

    /// A private in-memory ledger.
    public static func inMemory() throws -> SQLiteLedgerStore {
        try SQLiteLedgerStore(writer: DatabaseQueue())
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try LedgerMigrations.migrator.migrate(writer)
    }

    /// The names of the migrations applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try self.writer.read { db in try LedgerMigrations.migrator.appliedMigrations(db) }
    }
}
