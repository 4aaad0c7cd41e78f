import Foundation
import ScribeCore
import ScribeStore
import Testing

@Suite("SQLiteLedgerStore schema and files")
struct LedgerMigrationTests {
    @Test("applies every migration to a new ledger", arguments: StoreKind.allCases)
    func migrations(kind: StoreKind) async throws {
        let applied = try await withStore(kind) { store in try store.appliedMigrations() }
        #expect(applied == ["0001_create_ledger", "0002_call_content_and_progress", "0003_people"])
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
            #expect(try reopened.appliedMigrations() == ["0001_create_ledger", "0002_call_content_and_progress", "0003_people"])
            #expect(try await reopened.connections(of: Ledger.account) == [Ledger.connection])
            #expect(try await reopened.cursor("call-log-sync") == "2027-01-15T08:00:00Z")
            #expect(try await reopened.appendEvents(Ledger.answeredCall("s-1"), receivedAt: Ledger.t0) == Array(repeating: .duplicate, count: 4))
            #expect(try await reopened.callLog("log-1")?.key.sessionID == "s-1")
            #expect(try await reopened.call("s-1")?.endedLegs.count == 1)
        }
    }
}
