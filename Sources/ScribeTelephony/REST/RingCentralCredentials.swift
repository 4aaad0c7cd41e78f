/// What it takes to act as an app on a RingCentral account through the JWT grant.
public struct RingCentralCredentials: Sendable {
    /// `https://platform.ringcentral.com`, or the sandbox's URL.
    public var serverURL: String
    public var clientID: String
    public var clientSecret: String
    /// The JWT credential; it does not expire, the access tokens it buys do.
    public var jwt: String

    public init(serverURL: String, clientID: String, clientSecret: String, jwt: String) {
        self.serverURL = serverURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.jwt = jwt
    }
}
