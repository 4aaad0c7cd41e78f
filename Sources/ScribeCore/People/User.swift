import Foundation

public enum UserTag {}
/// A person who signs in to Callscribe.
public typealias UserID = Identifier<UserTag>

/// What a person may do: an agent sees and logs their own calls; an admin sees every call of the
/// account and sets its policy.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case agent
    case admin
}

/// A person who signs in, tied to the phone-system extension whose calls are theirs.
public struct User: Sendable, Hashable, Codable {
    public var id: UserID
    public var accountID: AccountID
    /// The phone user this person is; nil for an admin who takes no calls.
    public var extensionID: ExtensionID?
    /// Stored lower-cased: sign-in is case-insensitive.
    public var email: String
    public var name: String
    public var role: Role

    public init(id: UserID, accountID: AccountID, extensionID: ExtensionID?, email: String, name: String, role: Role) {
        self.id = id
        self.accountID = accountID
        self.extensionID = extensionID
        self.email = email.lowercased()
        self.name = name
        self.role = role
    }

    public var isAdmin: Bool { self.role == .admin }

    /// Whether this person may see and act on the log with `key`: their own extension's calls, or,
    /// for an admin, every call of their account. Nobody sees another account's calls.
    public func canSee(_ key: CallLogKey) -> Bool {
        guard key.accountID == self.accountID else { return false }
        return self.isAdmin || key.extensionID == self.extensionID
    }
}
