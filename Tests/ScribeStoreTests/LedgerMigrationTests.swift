import Foundation
import GRDB
import ScribeCore
@testable import ScribeStore
import Testing

@Suite("SQLiteLedgerStore schema and files")
struct LedgerMigrationTests {
    @Test("applies every migration to a new ledger", arguments: StoreKind.allCases)
    func migrations(kind: StoreKind) async throws {
        let applied = try await withStore(kind) { store in try store.appliedMigrations() }
        #expect(applied == ["0001_create_ledger", "0002_call_content_and_progress", "0003_people", "0004_call_links", "0005_recording_archive", "0006_ringcentral_tokens"])
    }

    @Test("keeps its data when the same file is opened again, without migrating twice")
    func reopen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ledger.sqlite").path
            do {
                let store = try SQLiteLedgerStore(path: path)
                #expect(FileManager.default.fileExists(atPath: path))
                #expect(FileManager.default.fileExists(atPath: path + "-wal"), "the ledger runs in WAL mode")
                try await store.saveConnection(Ledger.connection)
                try await store.setCursor("call-log-sync", to: "2027-01-15T08:00:00Z")
                #expect(try await store.appendEvents(Ledger.answeredCall("s-1"), receivedAt: Ledger.t0) == Array(repeating: .stored, count: 4))
                let report = try await store.foldPendingEvents(limit: 100, now: Ledger.t0, makeID: IDSequence().makeID)
                #expect(report.logsClaimed == 1)
            }
            let reopened = try SQLiteLedgerStore(path: path)
            #expect(try reopened.appliedMigrations() == ["0001_create_ledger", "0002_call_content_and_progress", "0003_people", "0004_call_links", "0005_recording_archive", "0006_ringcentral_tokens"])
            #expect(try await reopened.connections(of: Ledger.account) == [Ledger.connection])
            #expect(try await reopened.cursor("call-log-sync") == "2027-01-15T08:00:00Z")
            #expect(try await reopened.appendEvents(Ledger.answeredCall("s-1"), receivedAt: Ledger.t0) == Array(repeating: .duplicate, count: 4))
            #expect(try await reopened.callLog("log-1")?.key.sessionID == "s-1")
            #expect(try await reopened.call("s-1")?.endedLegs.count == 1)
        }
    }

    @Test("0003 adds the people tables with the columns the store uses", arguments: StoreKind.allCases)
    func peopleTables(kind: StoreKind) async throws {
        let columns = try await withStore(kind) { store in
            try await store.writer.read { db in
                try ["users", "sessions", "api_tokens", "settings"].reduce(into: [String: Set<String>]()) { columns, table in
                    columns[table] = try db.tableExists(table) ? Set(db.columns(in: table).map(\.name)) : []
                }
            }
        }
        #expect(columns["users"] == ["id", "account_id", "extension_id", "email", "name", "role", "password_hash"])
        #expect(columns["sessions"] == ["token_hash", "user_id", "csrf_token", "created_at", "expires_at"])
        #expect(columns["api_tokens"] == ["id", "token_hash", "user_id", "name", "created_at"])
        #expect(columns["settings"] == ["scope", "value", "updated_at"])
    }

    @Test("0003 indexes call logs by extension and calls and logs by account and change time", arguments: StoreKind.allCases)
    func peopleIndexes(kind: StoreKind) async throws {
        let indexes = try await withStore(kind) { store in
            try await store.writer.read { db in
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
            }
        }
        for name in ["users_by_account", "users_by_extension", "sessions_by_expiry", "call_logs_by_extension", "call_logs_by_account_change", "calls_by_account_change"] {
            #expect(indexes.contains(name), "\(name)")
        }
    }
}
