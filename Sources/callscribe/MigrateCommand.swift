import ArgumentParser
import Foundation
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

    var path: String {
        let environment = ProcessInfo.processInfo.environment
        if let database { return database }
        if data == nil, let path = environment["CALLSCRIBE_DATABASE_PATH"] { return path }
        let folder = data ?? environment["CALLSCRIBE_DATA_DIR"] ?? "./data"
        return URL(fileURLWithPath: folder).appendingPathComponent("callscribe.sqlite").path
    }

    func open(creating: Bool) throws -> SQLiteLedgerStore {
        if !creating, !FileManager.default.fileExists(atPath: self.path) {
            throw ValidationError("no ledger at \(self.path); run `callscribe migrate` or `callscribe demo` first, or pass --database")
        }
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: self.path).deletingLastPathComponent(), withIntermediateDirectories: true)
        return try SQLiteLedgerStore(path: self.path)
    }
}
