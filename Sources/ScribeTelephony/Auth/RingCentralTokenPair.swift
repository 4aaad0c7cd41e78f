import Foundation

/// An access token and the single-use refresh token that buys the next pair (authorization-code grant).
///
/// Its description never shows the tokens.
public struct RingCentralTokenPair: Sendable, Hashable, Codable, CustomStringConvertible {
    public var accessToken: String
    public var accessExpiresAt: Date
    public var refreshToken: String
    public var refreshExpiresAt: Date
    /// The extension that signed in (`owner_id`), to tell the admin who connected.
    public var ownerID: String?

    public init(accessToken: String, accessExpiresAt: Date, refreshToken: String, refreshExpiresAt: Date, ownerID: String?) {
        self.accessToken = accessToken
        self.accessExpiresAt = accessExpiresAt
        self.refreshToken = refreshToken
        self.refreshExpiresAt = refreshExpiresAt
        self.ownerID = ownerID
    }

    public var description: String {
        "RingCentralTokenPair(owner: \(self.ownerID ?? "?"), access until \(self.accessExpiresAt), refresh until \(self.refreshExpiresAt))"
    }
}
