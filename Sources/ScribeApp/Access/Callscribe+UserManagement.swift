import Foundation
import ScribeCore

extension Callscribe {
    /// A person changes their own password: the current one must be right. Every other session of
    /// theirs ends (a stolen cookie stops working); `caller`'s own session stays. API tokens stay:
    /// they are revoked one by one.
    public func changePassword(of caller: Caller, current: String, new: String) async throws {
        guard let stored = try await self.people.credentials(email: caller.user.email),
            self.passwords.verify(current, against: stored.passwordHash)
        else { throw PeopleError.invalidField("currentPassword", "is not your current password") }
        try await self.directory.setPassword(of: caller.user, to: new, keeping: caller.session?.tokenHash)
    }

    /// An admin sets a person's password (they forgot it); all of that person's sessions end.
    public func resetPassword(of id: UserID, to new: String, by admin: User) async throws {
        try await self.directory.setPassword(of: try await self.person(id, managedBy: admin), to: new)
    }

    /// An admin changes a person's name, role or extension. The account always keeps an admin.
    public func updateUser(_ id: UserID, _ change: UserChange, by admin: User) async throws -> User {
        var user = try await self.person(id, managedBy: admin)
        if let name = change.name {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.count <= 200 else { throw PeopleError.invalidField("name", "must be 1 to 200 characters") }
            user.name = trimmed
        }
        if let role = change.role, role != user.role {
            try await self.directory.keepAnAdmin(besides: user, who: "stop being an admin")
            user.role = role
        }
        if let extensionID = change.extensionId {
            user.extensionID = try await self.extensionOfAccount(extensionID, accountID: admin.accountID)
        }
        guard try await self.people.updateUser(user) else { throw PeopleError.notFound("user", id.rawValue) }
        return user
    }

    /// An admin removes a person: they can no longer sign in, and their sessions, API tokens and
    /// settings go. Their extension's calls stay in the history. Admins cannot remove themselves,
    /// so the account always keeps an admin.
    public func removeUser(_ id: UserID, by admin: User) async throws {
        let user = try await self.person(id, managedBy: admin)
        guard user.id != admin.id else { throw PeopleError.conflict("you cannot remove yourself; ask another admin") }
        try await self.directory.remove(user)
    }

    /// The extension id, checked to be one of the account's; nil for an empty id.
    public func extensionOfAccount(_ id: String, accountID: AccountID) async throws -> ExtensionID? {
        let id = id.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else { return nil }
        guard try await self.store.extensions(of: accountID).contains(where: { $0.id.rawValue == id }) else {
            throw PeopleError.invalidField("extensionId", "'\(id)' is not an extension of your account")
        }
        return ExtensionID(id)
    }

    /// A person of the admin's account; anyone else is "not found".
    private func person(_ id: UserID, managedBy admin: User) async throws -> User {
        try self.requireAdmin(admin)
        guard let user = try await self.people.user(id), user.accountID == admin.accountID else { throw PeopleError.notFound("user", id.rawValue) }
        return user
    }
}
