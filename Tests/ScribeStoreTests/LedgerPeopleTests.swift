import Foundation
import ScribeCore
import ScribeStore
import Testing

/// Users, their sessions and their API tokens in the ledger.
@Suite("SQLiteLedgerStore people")
struct LedgerPeopleTests {
    typealias L = Ledger

    static let alex = User(id: "u-1", accountID: "acc-1", extensionID: "ext-101", email: "Alex@Example.com", name: "Alex Agent", role: .agent)
    static let ada = User(id: "u-2", accountID: "acc-1", extensionID: nil, email: "ada@example.com", name: "Ada Admin", role: .admin)
    static let bo = User(id: "u-3", accountID: "acc-2", extensionID: "ext-201", email: "bo@example.com", name: "Bo Other", role: .agent)

    func withPeople(_ kind: StoreKind, _ body: (SQLiteLedgerStore) async throws -> Void) async throws {
        try await withStore(kind) { store async throws in
            try await store.createUser(Self.alex, passwordHash: "hash-alex")
            try await store.createUser(Self.ada, passwordHash: "hash-ada")
            try await store.createUser(Self.bo, passwordHash: "hash-bo")
            try await body(store)
        }
    }

    // MARK: Users

    @Test("reads users back by id, by email whatever its case, by account and by extension", arguments: StoreKind.allCases)
    func users(kind: StoreKind) async throws {
        try await withPeople(kind) { store async throws in
            #expect(try await store.user("u-1") == Self.alex)
            #expect(try await store.user("u-1")?.email == "alex@example.com")
            #expect(try await store.user("u-2") == Self.ada)
            #expect(try await store.user("u-404") == nil)

            let credentials = try #require(try await store.credentials(email: "ALEX@example.COM"))
            #expect(credentials.user == Self.alex)
            #expect(credentials.passwordHash == "hash-alex")
            #expect(try await store.credentials(email: "nobody@example.com") == nil)

            #expect(try await store.users(of: "acc-1") == [Self.ada, Self.alex], "by email")
            #expect(try await store.users(of: "acc-2") == [Self.bo])
            #expect(try await store.users(of: "acc-404").isEmpty)

            #expect(try await store.user(extension: "ext-101") == Self.alex)
            #expect(try await store.user(extension: "ext-201") == Self.bo)
            #expect(try await store.user(extension: "ext-999") == nil)
        }
    }

    @Test("refuses a second user with the same email, whatever its case, and keeps the first", arguments: StoreKind.allCases)
    func emailTaken(kind: StoreKind) async throws {
        try await withPeople(kind) { store async throws in
            let copycat = User(id: "u-9", accountID: "acc-2", extensionID: "ext-202", email: "ALEX@EXAMPLE.COM", name: "Copycat", role: .admin)
            await #expect(throws: PeopleStoreError.emailTaken("alex@example.com")) {
                try await store.createUser(copycat, passwordHash: "hash-copycat")
            }
            #expect(try await store.user("u-9") == nil)
            #expect(try await store.credentials(email: "alex@example.com")?.passwordHash == "hash-alex")
            #expect(try await store.users(of: "acc-2") == [Self.bo])
        }
    }

    // MARK: Sessions

    static func session(_ hash: String, _ user: UserID, expiresAt: Date) -> Session {
        Session(tokenHash: hash, userID: user, csrfToken: "csrf-\(hash)", createdAt: L.t0, expiresAt: expiresAt)
    }

    @Test("saves, reads and deletes a session", arguments: StoreKind.allCases)
    func sessions(kind: StoreKind) async throws {
        try await withPeople(kind) { store async throws in
            let session = Self.session("h-1", "u-1", expiresAt: L.at(3600))
            try await store.saveSession(session)
            #expect(try await store.session(tokenHash: "h-1") == session)
            #expect(try await store.session(tokenHash: "h-2") == nil)

            // Saved again (extended): the later expiry is kept.
            try await store.saveSession(Self.session("h-1", "u-1", expiresAt: L.at(7200)))
            #expect(try await store.session(tokenHash: "h-1")?.expiresAt == L.at(7200))

            try await store.deleteSession(tokenHash: "h-1")
            #expect(try await store.session(tokenHash: "h-1") == nil)
            try await store.deleteSession(tokenHash: "h-1")  // a second sign-out is harmless
        }
    }

    @Test("sweeps the sessions expired by now, keeping the rest", arguments: StoreKind.allCases)
    func sessionSweep(kind: StoreKind) async throws {
        try await withPeople(kind) { store async throws in
            try await store.saveSession(Self.session("old", "u-1", expiresAt: L.at(100)))
            try await store.saveSession(Self.session("now", "u-2", expiresAt: L.at(200)))
            try await store.saveSession(Self.session("later", "u-1", expiresAt: L.at(201)))

            #expect(try await store.deleteSessions(expiredBefore: L.at(200)) == 2)
            #expect(try await store.session(tokenHash: "old") == nil)
            #expect(try await store.session(tokenHash: "now") == nil, "expired at the very moment, as Session.isExpired says")
            #expect(try await store.session(tokenHash: "later") != nil)
            #expect(try await store.deleteSessions(expiredBefore: L.at(200)) == 0)
        }
    }

    @Test("refuses a session for a user who does not exist", arguments: StoreKind.allCases)
    func sessionForNobody(kind: StoreKind) async throws {
        try await withPeople(kind) { store async throws in
            await #expect(throws: (any Error).self) { try await store.saveSession(Self.session("h-x", "u-404", expiresAt: L.at(60))) }
            #expect(try await store.session(tokenHash: "h-x") == nil)
        }
    }

    // MARK: API tokens

    static func token(_ id: String, _ user: UserID, at offset: TimeInterval) -> APIToken {
        APIToken(id: id, tokenHash: "hash-\(id)", userID: user, name: "token \(id)", createdAt: L.at(offset))
    }

    @Test("saves API tokens and lists only the user's own, oldest first", arguments: StoreKind.allCases)
    func apiTokens(kind: StoreKind) async throws {
        try await withPeople(kind) { store async throws in
            try await store.saveAPIToken(Self.token("t-2", "u-1", at: 20))
            try await store.saveAPIToken(Self.token("t-1", "u-1", at: 10))
            try await store.saveAPIToken(Self.token("t-3", "u-3", at: 5))

            #expect(try await store.apiToken(tokenHash: "hash-t-1") == Self.token("t-1", "u-1", at: 10))
            #expect(try await store.apiToken(tokenHash: "t-1") == nil, "found by its hash only")
            #expect(try await store.apiTokens(of: "u-1") == [Self.token("t-1", "u-1", at: 10), Self.token("t-2", "u-1", at: 20)])
            #expect(try await store.apiTokens(of: "u-3") == [Self.token("t-3", "u-3", at: 5)])
            #expect(try await store.apiTokens(of: "u-2").isEmpty)
        }
    }

    @Test("deletes a user's own API token, never someone else's", arguments: StoreKind.allCases)
    func deleteAPIToken(kind: StoreKind) async throws {
        try await withPeople(kind) { store async throws in
            try await store.saveAPIToken(Self.token("t-1", "u-1", at: 10))
            try await store.saveAPIToken(Self.token("t-3", "u-3", at: 5))

            #expect(try await store.deleteAPIToken(id: "t-3", of: "u-1") == false)
            #expect(try await store.apiToken(tokenHash: "hash-t-3") != nil, "still there")
            #expect(try await store.deleteAPIToken(id: "t-1", of: "u-1"))
            #expect(try await store.apiToken(tokenHash: "hash-t-1") == nil)
            #expect(try await store.apiTokens(of: "u-1").isEmpty)
            #expect(try await store.deleteAPIToken(id: "t-1", of: "u-1") == false, "already gone")
            #expect(try await store.deleteAPIToken(id: "t-404", of: "u-1") == false)
        }
    }
}
