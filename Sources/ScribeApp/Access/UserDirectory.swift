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

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && text.count <= 254 && !text.contains(where: \.isWhitespace)
    }
}
