/// How Callscribe gets RingCentral access tokens.
public enum RingCentralGrant: String, Sendable, Hashable, CaseIterable {
    /// A JWT credential of an admin user, presented for every new access token.
    case jwt
    /// An admin signs in to RingCentral once (OAuth authorization code); the token pair is then kept
    /// alive with single-use refresh tokens, stored in the ledger.
    case authorizationCode = "authorization_code"
}

/// What it takes to act as an app on a RingCentral account.
public struct RingCentralCredentials: Sendable {
    /// `https://platform.ringcentral.com`, or the sandbox's URL.
    public var serverURL: String
    public var clientID: String
    public var clientSecret: String
    /// The JWT credential (JWT grant only); it does not expire, the access tokens it buys do.
    public var jwt: String
    public var grant: RingCentralGrant

    public init(serverURL: String, clientID: String, clientSecret: String, jwt: String, grant: RingCentralGrant = .jwt) {
        self.serverURL = serverURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.jwt = jwt
        self.grant = grant
    }
}
