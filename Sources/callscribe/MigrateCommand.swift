import ArgumentParser
import Foundation
import ScribeApp
import ScribeStore

/// `callscribe migrate`: brings the ledger's schema up to date and says which migrations it has.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or upgrade the ledger database.")

    @OptionGroup var ledger: LedgerOptions

    func run() async throws {
        let store = try self.ledger.open(creating: true)
        for name in try store.appliedMigrations() { print("applied \(name)") }
        print("ledger ready at \(self.ledger.path)")
    }
}

/// Where the ledger is: `--database`, else `CALLSCRIBE_DATABASE_PATH`, else `<data dir>/callscribe.sqlite`.
struct LedgerOptions: ParsableArguments {
    @Option(help: "The SQLite ledger file.")
    var database: String?

    @Option(help: "The data folder (used when --database is not given).")
    var data: String?

    var path: String { self.path(settings: nil) }

    /// The path, reading the data folder and database settings from `settings` (the environment
    /// over a config file) rather than from the environment alone.
    func path(settings: SettingsSource?) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let database { return database }
        let configured = settings?.string(.databasePath) ?? environment["CALLSCRIBE_DATABASE_PATH"]
        if data == nil, let path = configured { return path }
        let folder = data ?? settings?.string(.dataDirectory) ?? environment["CALLSCRIBE_DATA_DIR"] ?? "./data"
        return URL(fileURLWithPath: folder).appendingPathComponent("callscribe.sqlite").path
    }

    func open(creating: Bool, settings: SettingsSource? = nil) throws -> SQLiteLedgerStore {
        let path = self.path(settings: settings)
        if !creating, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no ledger at \(path); run `callscribe migrate` or `callscribe demo` first, or pass --database")
        }
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        return try SQLiteLedgerStore(path: path)
    }
}
