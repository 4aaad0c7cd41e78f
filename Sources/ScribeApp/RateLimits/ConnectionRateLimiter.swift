import Foundation
import ScribeConnectors
import ScribeCore
import Synchronization

/// One CRM connection's request budget, shared by every worker, form and check that talks to it.
///
/// A request over budget waits for its token, but only up to ``maximumWait``: a longer wait throws
/// a retryable ``ConnectorError/Kind/rateLimited(retryAfter:)`` instead, so the job is retried later
/// and the worker is free for other calls. A 429 from the CRM pauses the whole budget until its
/// `Retry-After`, so the other workers stop sending requests the CRM will refuse.
public final class ConnectionRateLimiter: RequestBudget {
    /// The longest a request waits for its token before giving up for a later retry.
    public let maximumWait: TimeInterval
    private let bucket: Mutex<TokenBucket>
    private let now: @Sendable () -> Date
    private let sleep: @Sendable (TimeInterval) async -> Void

    /// - Parameters:
    ///   - now: the clock; tests pass one they move by hand.
    ///   - sleep: waits that many seconds; tests pass one that moves their clock instead.
    public init(
        limit: RateLimit, maximumWait: TimeInterval, now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (TimeInterval) async -> Void = { seconds in try? await Task.sleep(for: .milliseconds(Int((seconds * 1000).rounded(.up)))) }
    ) {
        self.bucket = Mutex(TokenBucket(limit: limit))
        self.maximumWait = maximumWait
        self.now = now
        self.sleep = sleep
    }

    /// The budget's limit.
    public var limit: RateLimit { self.bucket.withLock { $0.limit } }

    /// Spends one token for `operation`, then runs `request`; a 429 it reports pauses the budget.
    public func perform<Value>(
        _ operation: String, _ request: () async throws(ConnectorError) -> Value
    ) async throws(ConnectorError) -> Value {
        try await self.admit(operation)
        do {
            return try await request()
        } catch {
            if case .rateLimited(let retryAfter) = error.kind {
                // Without a Retry-After, sit out one window (capped: Salesforce's is a day).
                let limit = self.limit
                self.pause(for: retryAfter ?? min(limit.window, 60))
            }
            throw error
        }
    }

    /// Stops handing out tokens for `seconds` from now.
    public func pause(for seconds: TimeInterval) {
        let until = self.now().addingTimeInterval(seconds)
        self.bucket.withLock { $0.pause(until: until) }
    }

    /// Waits for a token, or throws when the wait would be longer than ``maximumWait``.
    private func admit(_ operation: String) async throws(ConnectorError) {
        let start = self.now()
        switch self.bucket.withLock({ $0.take(at: start, maximumWait: self.maximumWait) }) {
        case .refused(let retryAfter):
            throw Self.overBudget(operation, retryAfter: retryAfter)
        case .granted(let wait):
            if wait > 0 { await self.sleep(wait) }
        }
        // A 429 another worker saw while this one waited pauses this request too. One more wait
        // at most: a clock that does not move (a test's) must not spin here.
        let now = self.now()
        let resume = self.bucket.withLock { $0.pausedUntil }
        guard resume > now else { return }
        guard resume.timeIntervalSince(start) <= self.maximumWait else {
            throw Self.overBudget(operation, retryAfter: resume.timeIntervalSince(now))
        }
        await self.sleep(resume.timeIntervalSince(now))
    }

    private static func overBudget(_ operation: String, retryAfter: TimeInterval) -> ConnectorError {
        ConnectorError(
            .rateLimited(retryAfter: retryAfter), operation: operation,
            message: "the connection's request budget is spent; retry in \(Int(retryAfter.rounded(.up))) s"
        )
    }
}
