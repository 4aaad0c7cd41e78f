import Foundation

/// Why a person or machine was not let in, or not let do something.
public enum AccessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Wrong email or password; deliberately does not say which.
    case signInFailed
    /// No session cookie or API token came with the request.
    case notSignedIn
    /// The session ran out or was ended; sign in again.
    case sessionExpired
    /// The API token is unknown or revoked.
    case invalidAPIToken
    /// A change came without the session's CSRF token (or with a wrong one).
    case csrfMismatch
    /// Only the account's admins may do this.
    case adminOnly
    /// A person acted on a call that is not theirs.
    case notYourCall
    /// Too many wrong passwords for this email lately; sign-in is refused until then.
    case tooManyAttempts(until: Date)

    public var description: String {
        switch self {
        case .signInFailed: "the email or password is wrong"
        case .notSignedIn: "sign in first (a session cookie or an Authorization: Bearer token)"
        case .sessionExpired: "your session has expired; sign in again"
        case .invalidAPIToken: "the API token is not valid"
        case .csrfMismatch: "the request did not carry this session's CSRF token (X-CSRF-Token header or csrf form field)"
        case .adminOnly: "only an admin of the account may do this"
        case .notYourCall: "you can only act on your own calls"
        case .tooManyAttempts(let until): "too many failed sign-ins for this email; try again after \(until.formatted(.iso8601))"
        }
    }
}
