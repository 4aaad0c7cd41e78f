import Foundation

/// A CRM failure in the one taxonomy the engine, the API and the UI understand.
public struct ConnectorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, and so what to do about it.
    public enum Kind: Sendable, Hashable {
        /// The credential expired: refresh once and retry.
        case authExpired
        /// The credential is valid but may not do this.
        case permissionDenied
        /// The record no longer exists.
        case notFound
        /// The CRM refused a value; `field` names it when the CRM says which.
        case validationFailed(field: String?)
        /// Too many requests; wait `retryAfter` seconds when the CRM says how long.
        case rateLimited(retryAfter: TimeInterval?)
        /// Unreachable, timed out or a server error: try again later.
        case transient
        /// Will fail again the same way.
        case permanent
    }

    public var kind: Kind
    /// The connector operation that failed, e.g. `hubspot.createCall`.
    public var operation: String
    /// The HTTP status, when there was a response.
    public var status: Int?
    /// What the CRM or the transport said.
    public var message: String
    /// The record a create made before the rest of its write failed (Pipedrive's call log after its
    /// activity): the engine keeps it, and the retry completes that record instead of making another.
    public var createdRecord: CRMRecordID?

    public init(_ kind: Kind, operation: String, status: Int? = nil, message: String) {
        self.kind = kind
        self.operation = operation
        self.status = status
        self.message = message
    }

    /// True when the same request may succeed later without anyone changing anything.
    public var isRetryable: Bool {
        switch self.kind {
        case .authExpired, .rateLimited, .transient: true
        case .permissionDenied, .notFound, .validationFailed, .permanent: false
        }
    }

    /// True when the CRM (or our own budget for it) turned the request away unjudged: too many requests.
    public var isRateLimited: Bool {
        if case .rateLimited = self.kind { true } else { false }
    }

    public var description: String {
        let status = self.status.map { " (HTTP \($0))" } ?? ""
        return "\(self.operation) failed\(status): \(self.message)"
    }
}
