import Foundation
import ScribeApp
import ScribeCore
import Testing

@Suite("Callscribe API tokens")
struct APITokenTests {
    typealias A = AccessHarness

    @Test("an issued token acts as its user, without a session; only its hash is kept")
    func issue() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            let (token, record) = try await harness.app.issueAPIToken(for: alex, name: "  CI script ")
            #expect(token.hasPrefix("cst_"))
            #expect(record.userID == alex.id)
            #expect(record.name == "CI script")
            #expect(record.createdAt == harness.clock.now)
            #expect(record.tokenHash != token)
            #expect(!record.tokenHash.contains(token))

            let caller = try await harness.app.caller(apiToken: token)
            #expect(caller.user == alex)
            #expect(caller.session == nil)
            #expect(try await harness.app.apiTokens(of: alex) == [record])
        }
    }

    @Test("an unknown token is refused; so is a session token used as an API token")
    func unknown() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            await #expect(throws: AccessError.invalidAPIToken) { try await harness.app.caller(apiToken: "cst_made-up") }
            let signIn = try await harness.app.signIn(email: alex.email, password: A.password)
            await #expect(throws: AccessError.invalidAPIToken) { try await harness.app.caller(apiToken: signIn.token) }
        }
    }

    @Test("a revoked token stops working at once; the user's other tokens keep working")
    func revoke() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            let (first, firstRecord) = try await harness.app.issueAPIToken(for: alex, name: "first")
            let (second, secondRecord) = try await harness.app.issueAPIToken(for: alex, name: "second")

            try await harness.app.revokeAPIToken(firstRecord.id, of: alex)
            await #expect(throws: AccessError.invalidAPIToken) { try await harness.app.caller(apiToken: first) }
            #expect(try await harness.app.caller(apiToken: second).user == alex)
            #expect(try await harness.app.apiTokens(of: alex) == [secondRecord])

            await #expect(throws: PeopleError.notFound("API token", firstRecord.id)) { try await harness.app.revokeAPIToken(firstRecord.id, of: alex) }
        }
    }

    @Test("nobody can revoke or list someone else's token, not even an admin")
    func othersTokens() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            let ada = try await harness.user("ada@example.com", role: .admin)
            let (token, record) = try await harness.app.issueAPIToken(for: alex, name: "alex's")

            await #expect(throws: PeopleError.notFound("API token", record.id)) { try await harness.app.revokeAPIToken(record.id, of: ada) }
            #expect(try await harness.app.caller(apiToken: token).user == alex, "still works")
            #expect(try await harness.app.apiTokens(of: ada).isEmpty)
        }
    }

    @Test("a token needs a name of 1 to 100 characters")
    func name() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            for bad in ["", "   ", String(repeating: "n", count: 101)] {
                let error = try await #require(throws: PeopleError.self) { try await harness.app.issueAPIToken(for: alex, name: bad) }
                #expect(error.invalidField == "name")
            }
            #expect(try await harness.app.apiTokens(of: alex).isEmpty)
        }
    }
}
