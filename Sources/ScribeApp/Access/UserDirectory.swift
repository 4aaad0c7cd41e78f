import Foundation
import ScribeCore

/// Adds people who can sign in, with their input checked and their password hashed: used by the
/// server (admins adding people, the first admin) and by `callscribe users add` on the ledger file.
public struct UserDirectory: Sendable {
    let people: any PeopleStore
    let passwords: PasswordHasher
    let effects: Effects

    public init(people: any PeopleStore, passwords: PasswordHasher, effects: Effects) {
        self.people = people
        self.passwords = passwords
        self.effects = effects
    }

    /// Adds a person; a bad field is named, a taken email is a conflict, and nothing is stored then.
    public func createUser(
        email: String, name: String, password: String, role: Role, accountID: AccountID, extensionID: ExtensionID?
    ) async throws -> User {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard Self.looksLikeEmail(email) else { throw PeopleError.invalidField("email", "'\(email)' is not an email address") }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 200 else { throw PeopleError.invalidField("name", "must be 1 to 200 characters") }
        try PasswordHasher.validate(password)
        let user = User(id: UserID(self.effects.makeID()), accountID: accountID, extensionID: extensionID, email: email, name: name, role: role)
        do {
            try await self.people.createUser(user, passwordHash: try self.passwords.hash(password))
        } catch let error as PeopleStoreError {
            throw PeopleError.conflict(error.description)
        }
        return user
    }

    /// Sets `user`'s password and ends their sessions, all but the one with token hash `keeping`. A
    /// password too short or too long is named as `newPassword`.
    public func setPassword(of user: User, to password: String, keeping: String? = nil) async throws {
        do {
            try PasswordHasher.validate(password)
        } catch {
            guard case .invalidField(_, let problem) = error else { throw error }
            throw PeopleError.invalidField("newPassword", problem)
        }
        try await self.people.setPasswordHash(try self.passwords.hash(password), of: user.id, keeping: keeping)
    }

    /// Removes `user`, unless they are their account's last admin (someone must be able to manage it).
    public func remove(_ user: User) async throws {
        try await self.keepAnAdmin(besides: user, who: "be removed")
        guard try await self.people.deleteUser(user.id) else { throw PeopleError.notFound("user", user.id.rawValue) }
    }

    /// Refuses a change that would leave `user`'s account without an admin: `user` is one and no one
    /// else is. `who` finishes the sentence "…is the account's only admin and cannot …".
    func keepAnAdmin(besides user: User, who: String) async throws {
        guard user.isAdmin else { return }
        guard try await self.people.users(of: user.accountID).contains(where: { $0.isAdmin && $0.id != user.id }) else {
            throw PeopleError.conflict("\(user.email) is the account's only admin and cannot \(who)")
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && text.count <= 254 && !text.contains(where: \.isWhitespace)
    }
}
