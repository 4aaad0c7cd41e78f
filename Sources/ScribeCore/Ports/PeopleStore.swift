import Foundation

/// The people who sign in, their sessions and API tokens, and the settings they and their admins choose.
///
/// Kept apart from ``LedgerStore`` because it changes at a person's pace, not the phone system's.
public protocol PeopleStore: Sendable {
    /// Adds a user; throws ``PeopleStoreError/emailTaken(_:)`` when the email is in use.
    func createUser(_ user: User, passwordHash: String) async throws
    func user(_ id: UserID) async throws -> User?
    /// A user and their password hash, by email (case-insensitive).
    func credentials(email: String) async throws -> (user: User, passwordHash: String)?
    func users(of accountID: AccountID) async throws -> [User]
    /// The phone-system accounts the ledger has seen.
    func accountIDs() async throws -> [AccountID]
    /// The user who takes `extensionID`'s calls, if anyone does.
    func user(extension extensionID: ExtensionID) async throws -> User?
    /// Saves a user's name, role and extension (their email and password stay as they are); false
    /// when there is no such user.
    func updateUser(_ user: User) async throws -> Bool
    /// Replaces a user's password hash and ends their sessions, all but `keeping` (a session's token
    /// hash: the person changing their own password stays signed in where they did it).
    func setPasswordHash(_ hash: String, of userID: UserID, keeping: String?) async throws
    /// Removes a user with their sessions, API tokens and personal settings; false when there was none.
    /// Their extension's calls and logs stay: they belong to the account.
    func deleteUser(_ id: UserID) async throws -> Bool

    func saveSession(_ session: Session) async throws
    func session(tokenHash: String) async throws -> Session?
    func deleteSession(tokenHash: String) async throws
    /// Forgets sessions that expired before `now`; returns how many.
    @discardableResult
    func deleteSessions(expiredBefore now: Date) async throws -> Int

    func saveAPIToken(_ token: APIToken) async throws
    func apiToken(tokenHash: String) async throws -> APIToken?
    func apiTokens(of userID: UserID) async throws -> [APIToken]
    /// Revokes one of a user's tokens; false when they have no such token.
    func deleteAPIToken(id: String, of userID: UserID) async throws -> Bool

    /// A person's own choices (empty when they made none).
    func personalSettings(of userID: UserID) async throws -> PersonalSettings
    func savePersonalSettings(_ settings: PersonalSettings, of userID: UserID, now: Date) async throws
    /// The admin's settings for the account (the server's defaults when none were saved).
    func accountSettings(of accountID: AccountID) async throws -> AccountSettings
    func saveAccountSettings(_ settings: AccountSettings, of accountID: AccountID, now: Date) async throws
}

/// Why the people store refused a write.
public enum PeopleStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case emailTaken(String)

    public var description: String {
        switch self {
        case .emailTaken(let email): "a user with email \(email) already exists"
        }
    }
}
