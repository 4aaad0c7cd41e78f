import Foundation

/// Whether Callscribe can reach RingCentral on its own, for the admin page and start-up.
public enum RingCentralConnectionState: Sendable, Hashable {
    /// The JWT grant: the configured credential buys tokens, nothing to connect.
    case jwt
    /// Authorization-code grant, and no admin has signed in to RingCentral yet.
    case notConnected
    /// An admin signed in; the refresh token keeps the connection until `refreshExpiresAt` unless used.
    case connected(ownerID: String?, refreshExpiresAt: Date)
    /// RingCentral refused the stored refresh token (expired, used or revoked): an admin must connect again.
    case needsReauthorization(reason: String)

    /// Whether requests can be made without an admin's help.
    public var isUsable: Bool {
        switch self {
        case .jwt, .connected: true
        case .notConnected, .needsReauthorization: false
        }
    }
}
