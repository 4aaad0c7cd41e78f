import Foundation

/// What the sandbox phone system's authorization server remembers: the access tokens it issued and
/// until when they are good, the one-time authorization codes, and the single-use refresh tokens.
struct SandboxOAuthState {
    struct Code {
        var redirectURI: String
        var expiresAt: Date
    }

    struct Refresh {
        var expiresAt: Date
        var used = false
    }

    var accessTokens: [String: Date] = [:]
    var codes: [String: Code] = [:]
    var refreshTokens: [String: Refresh] = [:]
    /// `expires_in` of the access tokens issued from now on; RingCentral's default is an hour.
    var accessTokenLifetime = 3600
    /// `refresh_token_expires_in` of the refresh tokens issued from now on; a week by default.
    var refreshTokenLifetime = 604_800
    /// Token requests received, granted or not.
    var tokenRequests = 0
    /// Token requests answered with tokens, by `grant_type`.
    var grants: [String: Int] = [:]
    /// Refresh tokens sent again after they had been spent.
    var refreshTokenReuses = 0
}
