/// A failure talking to the phone system, carrying what to do about it.
public struct TelephonyError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Credentials were refused.
        case unauthorized
        /// Too many requests; RingCentral restarts the penalty on every early retry, so wait.
        case rateLimited(retryAfter: Double)
        /// Unreachable, timed out or a server error.
        case transient
        /// The request or the answer is wrong and will stay wrong.
        case permanent
    }

    public var kind: Kind
    /// Which call failed, e.g. `ringcentral.callLog`.
    public var operation: String
    public var status: Int?
    public var message: String

    public init(_ kind: Kind, operation: String, status: Int? = nil, message: String) {
        self.kind = kind
        self.operation = operation
        self.status = status
        self.message = message
    }

    public var isRetryable: Bool {
        switch self.kind {
        case .rateLimited, .transient: true
        case .unauthorized, .permanent: false
        }
    }

    public var description: String {
        "\(self.operation) failed" + (self.status.map { " (HTTP \($0))" } ?? "") + ": \(self.message)"
    }
}
