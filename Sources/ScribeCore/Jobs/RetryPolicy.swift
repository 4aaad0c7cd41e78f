import Foundation

/// Exponential backoff with full jitter, capped, and a limit on attempts.
public struct RetryPolicy: Sendable, Hashable {
    public var baseDelay: TimeInterval
    public var maximumDelay: TimeInterval
    /// Attempts in all, the first included; after the last one the job is dead-lettered.
    public var maximumAttempts: Int

    public init(baseDelay: TimeInterval = 2, maximumDelay: TimeInterval = 300, maximumAttempts: Int = 8) {
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.maximumAttempts = maximumAttempts
    }

    /// When to try again after the `attempt`-th failure (1-based), or nil when attempts are exhausted.
    ///
    /// - Parameters:
    ///   - hint: a delay the remote side asked for (Retry-After); never retried sooner than that.
    ///   - random: a number in `0..<1` for jitter.
    public func nextAttempt(after attempt: Int, now: Date, hint: TimeInterval? = nil, random: Double) -> Date? {
        guard attempt < self.maximumAttempts else { return nil }
        let ceiling = self.delay(afterFailures: attempt)
        // Half fixed, half jitter: spreads retries without ever retrying immediately.
        let delay = ceiling / 2 + ceiling / 2 * random
        return now.addingTimeInterval(max(delay, hint ?? 0))
    }

    /// The plain backoff after `failures` failures in a row (1-based): the base delay, doubled for each
    /// failure after the first, capped at the maximum. For loops that retry on their own schedule.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        min(self.maximumDelay, self.baseDelay * pow(2, Double(max(failures, 1) - 1)))
    }

    /// When to try again after the remote side said "too many requests": once its Retry-After (or the
    /// base delay) has passed, plus up to one base delay of jitter so a backlog does not return all at
    /// once. Such a refusal is not an attempt (the request was never judged), so it never runs out.
    public func nextAttemptAfterRateLimit(now: Date, retryAfter: TimeInterval?, random: Double) -> Date {
        now.addingTimeInterval(max(retryAfter ?? 0, self.baseDelay) + self.baseDelay * random)
    }
}
