import Foundation

/// An OAuth2 access token and the refresh token that buys the next one, for one CRM connection.
///
/// Its description never shows the tokens.
public struct CRMTokenPair: Sendable, Hashable, Codable, CustomStringConvertible {
    public var accessToken: String
    /// When the access token stops working; nil when the CRM does not say (Salesforce), so only a 401 tells.
    public var accessExpiresAt: Date?
    public var refreshToken: String

    public init(accessToken: String, accessExpiresAt: Date?, refreshToken: String) {
        self.accessToken = accessToken
        self.accessExpiresAt = accessExpiresAt
        self.refreshToken = refreshToken
    }

    public var description: String {
        "CRMTokenPair(access until \(self.accessExpiresAt.map { "\($0)" } ?? "unknown"))"
    }
}
