import Foundation

/// A token bucket holding up to `limit.requests` tokens, refilled at one per
/// ``RateLimit/refillInterval``: a full bucket lets a burst of the whole budget through at once,
/// then requests go at the refill rate.
///
/// The bucket is kept as a single date, the moment it would be full again, rather than a token
/// count and a timestamp: spending is then one addition, and a token spent ahead of time (a request
/// told to wait) is already accounted for when the next request asks. Pure value arithmetic; the
/// caller passes the time in and does the waiting.
public struct TokenBucket: Sendable, Hashable {
    /// What the bucket grants.
    public enum Decision: Sendable, Hashable {
        /// A token is spent; use it after `wait` seconds (0 means now).
        case granted(wait: TimeInterval)
        /// Nothing was spent: the token would only come after `retryAfter` seconds, longer than allowed.
        case refused(retryAfter: TimeInterval)
    }

    public let limit: RateLimit
    /// When the bucket is full again if nothing more is spent; in the past when it is full now.
    public private(set) var fullAt: Date
    /// Until when the CRM asked us to stop (its 429); the distant past when it never did.
    public private(set) var pausedUntil: Date

    /// A full bucket.
    public init(limit: RateLimit) {
        self.limit = limit
        self.fullAt = .distantPast
        self.pausedUntil = .distantPast
    }

    /// The tokens left at `now` (fractional while one is refilling; negative never).
    public func tokens(at now: Date) -> Double {
        let owed = max(0, self.fullAt.timeIntervalSince(now)) / self.limit.refillInterval
        return max(0, Double(self.limit.requests) - owed)
    }

    /// Spends one token at `now`, unless the wait for it would exceed `maximumWait`.
    public mutating func take(at now: Date, maximumWait: TimeInterval) -> Decision {
        let fullAfterSpending = max(self.fullAt, now).addingTimeInterval(self.limit.refillInterval)
        // The token exists once the bucket is at most one window short of full.
        let wait = max(0, fullAfterSpending.timeIntervalSince(now) - self.limit.window)
        guard wait <= maximumWait else { return .refused(retryAfter: wait) }
        self.fullAt = fullAfterSpending
        return .granted(wait: wait)
    }

    /// Empties the bucket until `date`, when the CRM said it would take requests again: the next
    /// token comes then, and the ones after at the refill rate, so the restart is not another burst.
    public mutating func pause(until date: Date) {
        self.pausedUntil = max(self.pausedUntil, date)
        self.fullAt = max(self.fullAt, date.addingTimeInterval(self.limit.window - self.limit.refillInterval))
    }
}
