import Foundation

/// RingCentral's per-user request budgets by rate-limit group, as the sandbox enforces them.
///
/// RingCentral's defaults are ``ringCentral`` (Light 50, Medium 40, Heavy 10, Auth 5 a minute, and a
/// 60-second penalty that every request during it restarts). The sandbox starts ``generous`` so the
/// demo and the end-to-end tests are not slowed; tests of rate limiting choose their own.
public struct SandboxRateLimits: Sendable, Hashable {
    public enum Group: String, Sendable, Hashable, CaseIterable {
        case light, medium, heavy, auth
    }

    public struct Budget: Sendable, Hashable {
        public var limit: Int
        /// Seconds.
        public var window: Int

        public init(limit: Int, window: Int) {
            self.limit = limit
            self.window = window
        }
    }

    public var light: Budget
    public var medium: Budget
    public var heavy: Budget
    public var auth: Budget
    /// Seconds of 429s after a budget is overrun; each request during them starts them again.
    public var penalty: Int

    public init(light: Budget, medium: Budget, heavy: Budget, auth: Budget, penalty: Int = 60) {
        self.light = light
        self.medium = medium
        self.heavy = heavy
        self.auth = auth
        self.penalty = penalty
    }

    /// RingCentral's default per-user limits.
    public static let ringCentral = SandboxRateLimits(
        light: .init(limit: 50, window: 60), medium: .init(limit: 40, window: 60), heavy: .init(limit: 10, window: 60), auth: .init(limit: 5, window: 60)
    )

    /// A million requests a minute in every group, so that nothing but a test about rate limits meets
    /// them: the benchmark reads the call log (Heavy) for every recorded call, thousands a minute.
    public static let generous = SandboxRateLimits(
        light: .init(limit: 1_000_000, window: 60), medium: .init(limit: 1_000_000, window: 60), heavy: .init(limit: 1_000_000, window: 60),
        auth: .init(limit: 1_000_000, window: 60)
    )

    public func budget(_ group: Group) -> Budget {
        switch group {
        case .light: self.light
        case .medium: self.medium
        case .heavy: self.heavy
        case .auth: self.auth
        }
    }

    /// The group RingCentral puts a request in; nil for what it does not limit per user (the
    /// sign-in page, the sandbox's own control routes).
    static func group(method: String, path: String) -> Group? {
        if path == "/restapi/oauth/token" || path == "/restapi/oauth/revoke" { return .auth }
        guard path.hasPrefix("/restapi/v1.0/") || path.hasPrefix("/ai/") else { return nil }
        if path.contains("/call-log") || path.contains("/recording/") { return .heavy }
        if path.contains("/subscription") {
            if method == "GET" || path.hasSuffix("/renew") { return .light }
            return .medium
        }
        return .light
    }
}

/// The sandbox's count of requests in each group's current window, and any penalty running.
struct SandboxRateLimitState {
    struct Window {
        var startedAt: Date
        var count: Int
    }

    var limits = SandboxRateLimits.generous
    var windows: [SandboxRateLimits.Group: Window] = [:]
    var penaltyUntil: [SandboxRateLimits.Group: Date] = [:]
    /// Requests answered 429 because a budget was overrun (or during its penalty).
    var rejected = 0

    /// Counts one request: nil when it is within its budget (with what is left), else the penalty seconds.
    mutating func admit(_ group: SandboxRateLimits.Group, now: Date) -> (remaining: Int?, retryAfter: Int?) {
        let budget = self.limits.budget(group)
        if let until = self.penaltyUntil[group], until > now {
            // RingCentral: each request during the penalty starts it again.
            self.penaltyUntil[group] = now.addingTimeInterval(TimeInterval(self.limits.penalty))
            self.rejected += 1
            return (nil, self.limits.penalty)
        }
        var window = self.windows[group] ?? Window(startedAt: now, count: 0)
        if window.startedAt.addingTimeInterval(TimeInterval(budget.window)) <= now { window = Window(startedAt: now, count: 0) }
        window.count += 1
        self.windows[group] = window
        guard window.count <= budget.limit else {
            self.penaltyUntil[group] = now.addingTimeInterval(TimeInterval(self.limits.penalty))
            self.rejected += 1
            return (nil, self.limits.penalty)
        }
        return (budget.limit - window.count, nil)
    }
}
