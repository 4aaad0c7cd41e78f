import Foundation
import ScribeApp
import ScribeCore
import Testing

/// Making people, signing them in and out, and the sessions that carry them.
@Suite("Callscribe sign-in and sessions")
struct SignInTests {
    typealias A = AccessHarness

    @Test("makes a user with a trimmed, lower-cased email, the account and extension given, and the password hashed")
    func createUser() async throws {
        try await A.run { harness async throws in
            let user = try await harness.app.createUser(
                email: "  Alex@Example.COM ", name: " Alex Agent ", password: A.password, role: .agent, accountID: A.account, extensionID: "ext-101"
            )
            #expect(user.email == "alex@example.com")
            #expect(user.name == "Alex Agent")
            #expect(user.accountID == A.account)
            #expect(user.extensionID == "ext-101")
            #expect(user.role == .agent)
            #expect(try await harness.app.people.user(user.id) == user)
            let stored = try #require(try await harness.app.people.credentials(email: "alex@example.com"))
            #expect(stored.passwordHash.hasPrefix("scrypt$4$"), "hashed at the configured cost")
            #expect(!stored.passwordHash.contains(A.password))
        }
    }

    @Test("refuses an email that is not one, naming the email field", arguments: ["", "alex", "alex@", "@example.com", "alex@example", "al ex@example.com", "a@b@example.com"])
    func badEmail(email: String) async throws {
        try await A.run { harness async throws in
            let error = try await #require(throws: PeopleError.self) {
                try await harness.app.createUser(email: email, name: "Alex", password: A.password, role: .agent, accountID: A.account, extensionID: nil)
            }
            #expect(error.invalidField == "email")
            #expect(try await harness.app.people.users(of: A.account).isEmpty)
        }
    }

    @Test("refuses an empty name and a short password, naming the field")
    func badNameOrPassword() async throws {
        try await A.run { harness async throws in
            let noName = try await #require(throws: PeopleError.self) {
                try await harness.app.createUser(email: "alex@example.com", name: "  ", password: A.password, role: .agent, accountID: A.account, extensionID: nil)
            }
            #expect(noName.invalidField == "name")
            let short = try await #require(throws: PeopleError.self) {
                try await harness.app.createUser(email: "alex@example.com", name: "Alex", password: "123456789", role: .agent, accountID: A.account, extensionID: nil)
            }
            #expect(short.invalidField == "password")
            #expect(try await harness.app.people.users(of: A.account).isEmpty)
        }
    }

    @Test("refuses a second user with an email in use, whatever its case, as a conflict")
    func duplicateEmail() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            let error = try await #require(throws: PeopleError.self) {
                try await harness.app.createUser(
                    email: "ALEX@example.com", name: "Other Alex", password: A.password, role: .admin, accountID: A.account, extensionID: nil
                )
            }
            guard case .conflict = error else {
                Issue.record("expected a conflict, got \(error)")
                return
            }
            #expect(try await harness.app.people.users(of: A.account) == [alex])
        }
    }

    @Test("signs in with the right password, whatever the email's case, for the configured session lifetime")
    func signIn() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            let signIn = try await harness.app.signIn(email: " ALEX@example.com", password: A.password)
            #expect(signIn.user == alex)
            #expect(signIn.session.userID == alex.id)
            #expect(signIn.session.createdAt == harness.clock.now)
            #expect(signIn.session.expiresAt == harness.clock.now.addingTimeInterval(harness.app.configuration.sessionLifetime))
            #expect(harness.app.configuration.sessionLifetime == 12 * 3600)
            #expect(!signIn.session.csrfToken.isEmpty)
            #expect(signIn.session.csrfToken != signIn.token)

            // Only the token's hash is kept.
            #expect(signIn.session.tokenHash != signIn.token)
            #expect(try await harness.app.people.session(tokenHash: signIn.token) == nil)
            #expect(try await harness.app.people.session(tokenHash: signIn.session.tokenHash) == signIn.session)

            let caller = try await harness.app.caller(sessionToken: signIn.token)
            #expect(caller.user == alex)
            #expect(caller.session == signIn.session)

            let again = try await harness.app.signIn(email: "alex@example.com", password: A.password)
            #expect(again.token != signIn.token, "every sign-in gets its own token")
            #expect(again.session.csrfToken != signIn.session.csrfToken)
        }
    }

    @Test("a wrong password and an unknown email fail the same way")
    func signInFails() async throws {
        try await A.run { harness async throws in
            _ = try await harness.user("alex@example.com", extension: "ext-101")
            await #expect(throws: AccessError.signInFailed) { try await harness.app.signIn(email: "alex@example.com", password: "wrong horse battery") }
            await #expect(throws: AccessError.signInFailed) { try await harness.app.signIn(email: "nobody@example.com", password: A.password) }
            await #expect(throws: AccessError.signInFailed) { try await harness.app.signIn(email: "alex@example.com", password: "") }
        }
    }

    @Test("a session lets its person in until it expires, then never again")
    func sessionExpiry() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            let signIn = try await harness.app.signIn(email: "alex@example.com", password: A.password)
            let lifetime = harness.app.configuration.sessionLifetime

            harness.clock.advance(by: lifetime - 1)
            #expect(try await harness.app.caller(sessionToken: signIn.token).user == alex)

            harness.clock.advance(by: 1)
            await #expect(throws: AccessError.sessionExpired) { try await harness.app.caller(sessionToken: signIn.token) }
            #expect(try await harness.app.people.session(tokenHash: signIn.session.tokenHash) == nil, "the expired session is forgotten")
            await #expect(throws: AccessError.sessionExpired) { try await harness.app.caller(sessionToken: signIn.token) }

            // Signing in again works.
            let again = try await harness.app.signIn(email: "alex@example.com", password: A.password)
            #expect(try await harness.app.caller(sessionToken: again.token).user == alex)
        }
    }

    @Test("a shorter configured lifetime is the one sessions get")
    func configuredLifetime() async throws {
        try await A.run(configure: { $0.sessionLifetime = 3600 }) { harness async throws in
            _ = try await harness.user("alex@example.com", extension: "ext-101")
            let signIn = try await harness.app.signIn(email: "alex@example.com", password: A.password)
            #expect(signIn.session.expiresAt == harness.clock.now.addingTimeInterval(3600))
            harness.clock.advance(by: 3600)
            await #expect(throws: AccessError.sessionExpired) { try await harness.app.caller(sessionToken: signIn.token) }
        }
    }

    @Test("an unknown session token is refused")
    func unknownSession() async throws {
        try await A.run { harness async throws in
            await #expect(throws: AccessError.sessionExpired) { try await harness.app.caller(sessionToken: "made-up") }
            await #expect(throws: AccessError.sessionExpired) { try await harness.app.caller(sessionToken: "") }
        }
    }

    @Test("signing out ends that session only")
    func signOut() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            let laptop = try await harness.app.signIn(email: "alex@example.com", password: A.password)
            let phone = try await harness.app.signIn(email: "alex@example.com", password: A.password)

            try await harness.app.signOut(sessionToken: laptop.token)
            await #expect(throws: AccessError.sessionExpired) { try await harness.app.caller(sessionToken: laptop.token) }
            #expect(try await harness.app.caller(sessionToken: phone.token).user == alex)
            try await harness.app.signOut(sessionToken: laptop.token)  // again: harmless
        }
    }

    @Test("a sign-in sweeps away sessions that have expired")
    func sweep() async throws {
        try await A.run { harness async throws in
            _ = try await harness.user("alex@example.com", extension: "ext-101")
            _ = try await harness.user("bo@example.com", extension: "ext-102")
            let old = try await harness.app.signIn(email: "alex@example.com", password: A.password)
            harness.clock.advance(by: harness.app.configuration.sessionLifetime + 1)
            _ = try await harness.app.signIn(email: "bo@example.com", password: A.password)
            #expect(try await harness.app.people.session(tokenHash: old.session.tokenHash) == nil)
        }
    }

    @Test("only an admin passes requireAdmin")
    func requireAdmin() async throws {
        try await A.run { harness async throws in
            let agent = try await harness.user("alex@example.com", extension: "ext-101")
            let admin = try await harness.user("ada@example.com", role: .admin)
            #expect(throws: AccessError.adminOnly) { try harness.app.requireAdmin(agent) }
            try harness.app.requireAdmin(admin)
        }
    }
}
