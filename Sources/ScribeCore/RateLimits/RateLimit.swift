import Foundation

/// A CRM's request budget: at most `requests` in any `window` seconds.
public struct RateLimit: Sendable, Hashable {
    public var requests: Int
    public var window: TimeInterval

    /// - Precondition: `requests` and `window` are positive.
    public init(requests: Int, per window: TimeInterval) {
        precondition(requests > 0 && window > 0, "a rate limit needs a positive budget and window")
        self.requests = requests
        self.window = window
    }

    /// How long one spent request takes to come back.
    public var refillInterval: TimeInterval { self.window / Double(self.requests) }
}
