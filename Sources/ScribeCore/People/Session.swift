import Foundation

/// A signed-in browser. The cookie carries the token; the ledger keeps only its hash.
public struct Session: Sendable, Hashable, Codable {
    /// SHA-256 of the cookie's token, hex.
    public var tokenHash: String
    public var userID: UserID
    /// Sent back by the page with every change (header or form field), so another site cannot act for the user.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, userID: UserID, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    public func isExpired(at now: Date) -> Bool { now >= self.expiresAt }
}

/// A token a machine uses instead of signing in (`Authorization: Bearer …`); acts as its user.
public struct APIToken: Sendable, Hashable, Codable {
    public var id: String
    /// SHA-256 of the token, hex; the token itself is shown once, when made.
    public var tokenHash: String
    public var userID: UserID
    public var name: String
    public var createdAt: Date

    public init(id: String, tokenHash: String, userID: UserID, name: String, createdAt: Date) {
        self.id = id
        self.tokenHash = tokenHash
        self.userID = userID
        self.name = name
        self.createdAt = createdAt
    }
}
