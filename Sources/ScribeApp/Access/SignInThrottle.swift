import Foundation
import Synchronization

/// Slows down password guessing: after `limit` failed sign-ins for one email within `window`, that
/// email is refused (even with the right password) until the window has passed since the first of
/// them. Kept in memory: a restart forgets it, which a guesser cannot trigger.
public final class SignInThrottle: Sendable {
    public let limit: Int
    public let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    public init(limit: Int = 5, window: TimeInterval = 900) {
        self.limit = limit
        self.window = window
    }

    /// When `email` may try again, or nil when it may now.
    public func blockedUntil(_ email: String, now: Date) -> Date? {
        self.failures.withLock { failures in
            let recent = (failures[email] ?? []).filter { now.timeIntervalSince($0) < self.window }
            failures[email] = recent.isEmpty ? nil : recent
            guard recent.count >= self.limit, let first = recent.first else { return nil }
            return first.addingTimeInterval(self.window)
        }
    }

    public func recordFailure(_ email: String, at now: Date) {
        self.failures.withLock { $0[email, default: []].append(now) }
    }

    public func recordSuccess(_ email: String) {
        self.failures.withLock { $0[email] = nil }
    }
}
