import Foundation
import ScribeCore
import ScribeStore
import Testing

/// The sealed RingCentral token pair: replaced only by compare-and-swap on its refresh token's
/// fingerprint, and spent by one claimant at a time.
@Suite("SQLiteLedgerStore token pair")
struct LedgerTokenPairTests {
    typealias L = Ledger

    static func pair(_ n: Int) -> SealedTokenPair {
        SealedTokenPair(sealed: Array("sealed-\(n)".utf8), refreshFingerprint: "fp-\(n)")
    }

    @Test("the first pair is stored only where there is none; a new one replaces only the pair it came from", arguments: StoreKind.allCases)
    func compareAndSwap(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            #expect(try await store.sealedTokenPair("ringcentral") == nil)
            #expect(try await store.swapSealedTokenPair("ringcentral", to: Self.pair(1), replacing: nil, now: L.t0))
            #expect(try await !store.swapSealedTokenPair("ringcentral", to: Self.pair(9), replacing: nil, now: L.t0), "a pair is already stored")
            #expect(try await store.swapSealedTokenPair("ringcentral", to: Self.pair(2), replacing: "fp-1", now: L.at(1)))
            #expect(try await !store.swapSealedTokenPair("ringcentral", to: Self.pair(3), replacing: "fp-1", now: L.at(2)), "fp-1 was replaced already")
            #expect(try await store.sealedTokenPair("ringcentral") == Self.pair(2))
            #expect(try await store.sealedTokenPair("other") == nil)
        }
    }

    @Test("one claim on a refresh token at a time, until it lapses or the pair is replaced", arguments: StoreKind.allCases)
    func claims(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            #expect(try await !store.claimTokenRefresh("ringcentral", fingerprint: "fp-1", until: L.at(30), now: L.t0), "nothing stored")
            _ = try await store.swapSealedTokenPair("ringcentral", to: Self.pair(1), replacing: nil, now: L.t0)
            #expect(try await store.claimTokenRefresh("ringcentral", fingerprint: "fp-1", until: L.at(30), now: L.t0))
            #expect(try await !store.claimTokenRefresh("ringcentral", fingerprint: "fp-1", until: L.at(40), now: L.at(10)), "the first claim is live")
            #expect(try await store.claimTokenRefresh("ringcentral", fingerprint: "fp-1", until: L.at(60), now: L.at(30)), "the first claim lapsed")
            #expect(try await !store.claimTokenRefresh("ringcentral", fingerprint: "fp-0", until: L.at(60), now: L.at(31)), "not the stored token")
            #expect(try await store.swapSealedTokenPair("ringcentral", to: Self.pair(2), replacing: "fp-1", now: L.at(32)))
            #expect(try await store.claimTokenRefresh("ringcentral", fingerprint: "fp-2", until: L.at(62), now: L.at(32)), "the new pair has no claim")
        }
    }

    @Test("two processes sharing the file: of many swaps from the same pair, exactly one wins")
    func twoProcesses() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ledger.sqlite").path
            let first = try SQLiteLedgerStore(path: path)
            let second = try SQLiteLedgerStore(path: path)
            _ = try await first.swapSealedTokenPair("ringcentral", to: Self.pair(0), replacing: nil, now: L.t0)
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 1...20 {
                    let store = n.isMultiple(of: 2) ? first : second
                    group.addTask { try await store.swapSealedTokenPair("ringcentral", to: Self.pair(n), replacing: "fp-0", now: L.at(1)) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1)
            let stored = try #require(try await second.sealedTokenPair("ringcentral"))
            #expect(stored.refreshFingerprint != "fp-0")
        }
    }

    @Test("people made before the account was known move into it", arguments: StoreKind.allCases)
    func moveUsers(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            try await store.createUser(
                User(id: "u-1", accountID: "unconnected", extensionID: nil, email: "admin@example.com", name: "Admin", role: .admin), passwordHash: "hash"
            )
            try await store.moveUsers(from: "unconnected", to: L.account)
            #expect(try await store.users(of: L.account).map(\.id) == ["u-1"])
            #expect(try await store.users(of: "unconnected").isEmpty)
        }
    }
}
