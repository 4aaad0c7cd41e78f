import Foundation
import GRDB
import ScribeCore

extension SQLiteLedgerStore: PeopleStore {
    public func createUser(_ user: User, passwordHash: String) async throws {
        do {
            try await self.writer.write { db in
                try db.execute(
                    sql: "INSERT INTO users (id, account_id, extension_id, email, name, role, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        user.id.rawValue, user.accountID.rawValue, user.extensionID?.rawValue, user.email, user.name, user.role.rawValue, passwordHash,
                    ]
                )
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw PeopleStoreError.emailTaken(user.email)
        }
    }

    public func user(_ id: UserID) async throws -> User? {
        try await self.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id.rawValue]).map(Self.user)
        }
    }

    public func credentials(email: String) async throws -> (user: User, passwordHash: String)? {
        try await self.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE email = ?", arguments: [email.lowercased()]).map { row in
                (Self.user(row), row["password_hash"])
            }
        }
    }

    public func users(of accountID: AccountID) async throws -> [User] {
        try await self.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM users WHERE account_id = ? ORDER BY email", arguments: [accountID.rawValue]).map(Self.user)
        }
    }

    public func accountIDs() async throws -> [AccountID] {
        try await self.writer.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM accounts UNION SELECT account_id FROM extensions ORDER BY 1").map { AccountID($0) }
        }
    }

    public func user(extension extensionID: ExtensionID) async throws -> User? {
        try await self.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE extension_id = ? ORDER BY id LIMIT 1", arguments: [extensionID.rawValue])
                .map(Self.user)
        }
    }

    public func updateUser(_ user: User) async throws -> Bool {
        try await self.writer.write { db in
            try db.execute(
                sql: "UPDATE users SET name = ?, role = ?, extension_id = ? WHERE id = ?",
                arguments: [user.name, user.role.rawValue, user.extensionID?.rawValue, user.id.rawValue]
            )
            return db.changesCount > 0
        }
    }

    public func setPasswordHash(_ hash: String, of userID: UserID, keeping: String?) async throws {
        try await self.writer.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, userID.rawValue])
            try db.execute(
                sql: "DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?", arguments: [userID.rawValue, keeping]
            )
        }
    }

    public func deleteUser(_ id: UserID) async throws -> Bool {
        try await self.writer.write { db in
            // Deleted one by one rather than through the foreign keys' cascade, which needs foreign keys on.
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id.rawValue])
            try db.execute(sql: "DELETE FROM api_tokens WHERE user_id = ?", arguments: [id.rawValue])
            try db.execute(sql: "DELETE FROM settings WHERE scope = ?", arguments: ["user:\(id.rawValue)"])
            try db.execute(sql: "DELETE FROM users WHERE id = ?", arguments: [id.rawValue])
            return db.changesCount > 0
        }
    }

    public func saveSession(_ session: Session) async throws {
        try await self.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (token_hash) DO UPDATE SET expires_at = excluded.expires_at
                    """,
                arguments: [
                    session.tokenHash, session.userID.rawValue, session.csrfToken, session.createdAt.timeIntervalSince1970,
                    session.expiresAt.timeIntervalSince1970,
                ]
            )
        }
    }

    public func session(tokenHash: String) async throws -> Session? {
        try await self.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE token_hash = ?", arguments: [tokenHash]).map { row in
                Session(
                    tokenHash: row["token_hash"], userID: UserID(row["user_id"]), csrfToken: row["csrf_token"],
                    createdAt: Date(timeIntervalSince1970: row["created_at"]), expiresAt: Date(timeIntervalSince1970: row["expires_at"])
                )
            }
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await self.writer.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    public func deleteSessions(expiredBefore now: Date) async throws -> Int {
        try await self.writer.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [now.timeIntervalSince1970])
            return db.changesCount
        }
    }

    public func saveAPIToken(_ token: APIToken) async throws {
        try await self.writer.write { db in
            try db.execute(
                sql: "INSERT INTO api_tokens (id, token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [token.id, token.tokenHash, token.userID.rawValue, token.name, token.createdAt.timeIntervalSince1970]
            )
        }
    }

    public func apiToken(tokenHash: String) async throws -> APIToken? {
        try await self.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE token_hash = ?", arguments: [tokenHash]).map(Self.apiToken)
        }
    }

    public func apiTokens(of userID: UserID) async throws -> [APIToken] {
        try await self.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at, id", arguments: [userID.rawValue])
                .map(Self.apiToken)
        }
    }

    public func deleteAPIToken(id: String, of userID: UserID) async throws -> Bool {
        try await self.writer.write { db in
            try db.execute(sql: "DELETE FROM api_tokens WHERE id = ? AND user_id = ?", arguments: [id, userID.rawValue])
            return db.changesCount > 0
        }
    }

    public func personalSettings(of userID: UserID) async throws -> PersonalSettings {
        try await self.setting(scope: "user:\(userID.rawValue)") ?? PersonalSettings()
    }

    public func savePersonalSettings(_ settings: PersonalSettings, of userID: UserID, now: Date) async throws {
        try await self.saveSetting(settings, scope: "user:\(userID.rawValue)", now: now)
    }

    public func accountSettings(of accountID: AccountID) async throws -> AccountSettings {
        try await self.setting(scope: "account:\(accountID.rawValue)") ?? AccountSettings()
    }

    public func saveAccountSettings(_ settings: AccountSettings, of accountID: AccountID, now: Date) async throws {
        try await self.saveSetting(settings, scope: "account:\(accountID.rawValue)", now: now)
    }

    private func setting<Value: Decodable & Sendable>(scope: String) async throws -> Value? {
        let text = try await self.writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE scope = ?", arguments: [scope])
        }
        return try text.map { try LedgerJSON.decode(Value.self, from: $0) }
    }

    private func saveSetting(_ value: some Encodable, scope: String, now: Date) async throws {
        let text = try LedgerJSON.encode(value)
        try await self.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO settings (scope, value, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (scope) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """,
                arguments: [scope, text, now.timeIntervalSince1970]
            )
        }
    }

    private static func user(_ row: Row) -> User {
        User(
            id: UserID(row["id"]), accountID: AccountID(row["account_id"]), extensionID: (row["extension_id"] as String?).map { ExtensionID($0) },
            email: row["email"], name: row["name"], role: Role(rawValue: row["role"]) ?? .agent
        )
    }

    private static func apiToken(_ row: Row) -> APIToken {
        APIToken(id: row["id"], tokenHash: row["token_hash"], userID: UserID(row["user_id"]), name: row["name"], createdAt: Date(timeIntervalSince1970: row["created_at"]))
    }
}
