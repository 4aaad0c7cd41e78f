import Foundation
import ScribeCore
import ScribeStore
import Testing

/// What the backfill asks the ledger before importing, and what `connectors list` reads.
@Suite("SQLiteLedgerStore known sessions and connections")
struct LedgerKnownSessionsTests {
    typealias L = Ledger

    @Test("a session is known once an event of it is stored, folded or not", arguments: StoreKind.allCases)
    func knownSessions(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            _ = try await store.appendEvents(L.answeredCall("s-folded"), receivedAt: L.at(100))
            _ = try await store.foldPendingEvents(limit: 100, now: L.at(100), makeID: IDSequence().makeID)
            _ = try await store.appendEvents(L.answeredCall("s-stored"), receivedAt: L.at(200))
            let known = try await store.knownSessions(["s-folded", "s-stored", "s-unheard"])
            #expect(known == ["s-folded", "s-stored"])
            #expect(try await store.knownSessions([]).isEmpty)
        }
    }

    @Test("asks about many sessions at once (more than one statement's worth of parameters)", arguments: StoreKind.allCases)
    func manySessions(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            _ = try await store.appendEvents(L.answeredCall("s-42"), receivedAt: L.at(0))
            _ = try await store.appendEvents(L.answeredCall("s-1042"), receivedAt: L.at(0))
            let asked = Set((1...1500).map { TelephonySessionID("s-\($0)") })
            #expect(try await store.knownSessions(asked) == ["s-42", "s-1042"])
        }
    }

    @Test("lists every account's connections, by account then id", arguments: StoreKind.allCases)
    func allConnections(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let other = CRMConnection(id: "conn-a", accountID: "acc-2", kind: "pipedrive", baseURL: "https://api.pipedrive.com", sealedCredential: [9])
            let second = CRMConnection(id: "conn-salesforce", accountID: "acc-1", kind: "salesforce", baseURL: "https://x.my.salesforce.com", sealedCredential: [8])
            for connection in [other, second, L.connection] { try await store.saveConnection(connection) }
            #expect(try await store.connections() == [L.connection, second, other])
            #expect(try await store.connections(of: "acc-2") == [other])
        }
    }
}
