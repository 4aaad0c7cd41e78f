import Foundation
import ScribeCore

/// A successful sign-in: the token for the cookie (never stored) and the session it opens.
public struct SignIn: Sendable {
    public var token: String
    public var session: Session
    public var user: User
}

/// A request's signed-in person, and the session when it came from a browser (API tokens have none).
public struct Caller: Sendable {
    public var user: User
    public var session: Session?

    public init(user: User, session: Session?) {
        self.user = user
        self.session = session
    }
}

extension Callscribe {
    /// Adds a person who can sign in. The email must be unused; the password long enough.
    public func createUser(
        email: String, name: String, password: String, role: Role, accountID: AccountID, extensionID: ExtensionID?
    ) async throws -> User {
        try await self.directory.createUser(email: email, name: name, password: password, role: role, accountID: accountID, extensionID: extensionID)
    }

    /// Checks the email and password and opens a session that lasts ``CallscribeConfiguration/sessionLifetime``.
    public func signIn(email: String, password: String) async throws -> SignIn {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let now = self.effects.now()
        if let until = self.signInThrottle.blockedUntil(email, now: now) { throw AccessError.tooManyAttempts(until: until) }
        let found = try await self.people.credentials(email: email)
        // Hash even for an unknown email, so the answer's timing does not tell which emails exist.
        let matches = self.passwords.verify(password, against: found?.passwordHash ?? self.decoyHash)
        guard let found, matches else {
            self.signInThrottle.recordFailure(email, at: now)
            throw AccessError.signInFailed
        }
        self.signInThrottle.recordSuccess(email)
        let token = SecureToken.make()
        let session = Session(
            tokenHash: SecureToken.hash(token), userID: found.user.id, csrfToken: SecureToken.make(), createdAt: now,
            expiresAt: now.addingTimeInterval(self.configuration.sessionLifetime)
        )
        try await self.people.saveSession(session)
        try await self.people.deleteSessions(expiredBefore: now)
        return SignIn(token: token, session: session, user: found.user)
    }

    /// The person a session cookie belongs to; an unknown or expired session is refused.
    public func caller(sessionToken: String) async throws -> Caller {
        let hash = SecureToken.hash(sessionToken)
        guard let session = try await self.people.session(tokenHash: hash) else { throw AccessError.sessionExpired }
        guard !session.isExpired(at: self.effects.now()) else {
            try await self.people.deleteSession(tokenHash: hash)
            throw AccessError.sessionExpired
        }
        guard let user = try await self.people.user(session.userID) else { throw AccessError.sessionExpired }
        return Caller(user: user, session: session)
    }

    /// The person an API token acts for.
    public func caller(apiToken: String) async throws -> Caller {
        guard let token = try await self.people.apiToken(tokenHash: SecureToken.hash(apiToken)),
            let user = try await self.people.user(token.userID)
        else { throw AccessError.invalidAPIToken }
        return Caller(user: user, session: nil)
    }

    public func signOut(sessionToken: String) async throws {
        try await self.people.deleteSession(tokenHash: SecureToken.hash(sessionToken))
    }

    /// Makes an API token for `user`; the token is returned once and only its hash is kept.
    public func issueAPIToken(for user: User, name: String) async throws -> (token: String, record: APIToken) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { throw PeopleError.invalidField("name", "must be 1 to 100 characters") }
        let token = "cst_" + SecureToken.make()
        let record = APIToken(id: self.effects.makeID(), tokenHash: SecureToken.hash(token), userID: user.id, name: name, createdAt: self.effects.now())
        try await self.people.saveAPIToken(record)
        return (token, record)
    }

    public func apiTokens(of user: User) async throws -> [APIToken] {
        try await self.people.apiTokens(of: user.id)
    }

    public func revokeAPIToken(_ id: String, of user: User) async throws {
        guard try await self.people.deleteAPIToken(id: id, of: user.id) else { throw PeopleError.notFound("API token", id) }
    }

    /// Adding, changing and removing people, with this server's password hashing.
    var directory: UserDirectory {
        UserDirectory(people: self.people, passwords: self.passwords, effects: self.effects)
    }

    /// Refuses anyone but an admin.
    public func requireAdmin(_ user: User) throws(AccessError) {
        guard user.isAdmin else { throw .adminOnly }
    }

    /// A well-formed hash of no one's password at the configured cost, verified when the email is unknown.
    private var decoyHash: String {
        let hasher = self.passwords
        return "scrypt$\(hasher.costLog2)$\(hasher.blockSize)$\(hasher.parallelism)$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    }
}
