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
        /// The call-log sync token is expired, was reset, or is too far behind (more than 250 changes
        /// since it was issued): asking again with it cannot work, a full sync must start afresh.
        case syncTokenRejected
    }

    public var kind: Kind
    /// Which call failed, e.g. `ringcentral.callLog`.
    public var operation: String
    public var status: Int?
    public var message: String
    /// RingCentral's own code for the failure, e.g. `CLG-101`, when its answer carried one.
    public var errorCode: String?
    /// The request parameter RingCentral named as wrong, e.g. `syncToken`.
    public var parameterName: String?

    public init(_ kind: Kind, operation: String, status: Int? = nil, message: String, errorCode: String? = nil, parameterName: String? = nil) {
        self.kind = kind
        self.operation = operation
        self.status = status
        self.message = message
        self.errorCode = errorCode
        self.parameterName = parameterName
    }

    public var isRetryable: Bool {
        switch self.kind {
        case .rateLimited, .transient: true
        case .unauthorized, .permanent, .syncTokenRejected: false
        }
    }

    public var description: String {
        "\(self.operation) failed" + (self.status.map { " (HTTP \($0))" } ?? "") + (self.errorCode.map { " \($0)" } ?? "") + ": \(self.message)"
    }
}
