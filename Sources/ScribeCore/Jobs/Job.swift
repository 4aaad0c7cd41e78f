import Foundation

/// A unit of durable work in the outbox: claimed with a lease, retried with backoff, dead-lettered
/// after too many attempts with the reason kept.
public struct Job: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Decide, resolve the contact and write one call log to the CRM.
        case writeCallLog = "write_call_log"
    }

    public var id: Int64
    public var kind: Kind
    public var callLogID: CallLogID
    /// Attempts made so far, counting the one in progress once the job is claimed.
    public var attempts: Int
    public var runAt: Date
    public var lastError: String?

    public init(id: Int64, kind: Kind, callLogID: CallLogID, attempts: Int, runAt: Date, lastError: String? = nil) {
        self.id = id
        self.kind = kind
        self.callLogID = callLogID
        self.attempts = attempts
        self.runAt = runAt
        self.lastError = lastError
    }
}
