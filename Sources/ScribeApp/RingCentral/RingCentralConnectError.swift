import ScribeTelephony

/// Why connecting RingCentral (authorization-code grant) did not work. Never carries a code or token.
public enum RingCentralConnectError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server uses the JWT grant; there is nothing to connect.
    case notAuthorizationCodeGrant
    /// The flow must start from a signed-in browser, whose session the `state` is tied to.
    case browserSessionRequired
    /// The `state` is unknown, spent, expired or another session's.
    case invalidState
    /// RingCentral sent the admin back with an error (e.g. `access_denied`) instead of a code.
    case refused(String)
    /// The code could not be exchanged for tokens.
    case exchangeFailed(TelephonyError)

    public var description: String {
        switch self {
        case .notAuthorizationCodeGrant: "this server signs in to RingCentral with a JWT (RINGCENTRAL_AUTH=jwt); there is nothing to connect"
        case .browserSessionRequired: "connect RingCentral from the admin page of a signed-in browser"
        case .invalidState: "this sign-in to RingCentral is unknown, already used or too old; start again from the admin page"
        case .refused(let reason): "RingCentral did not connect: \(reason)"
        case .exchangeFailed(let error): "RingCentral did not accept the sign-in: \(error)"
        }
    }
}
