import Foundation

/// How the phone system delivers a scenario's notifications: RingCentral's at-least-once, unordered
/// webhooks, and the faults a subscriber must survive. Every random choice comes from `seed`.
public struct ScenarioDelivery: Codable, Sendable, Hashable {
    /// Seeds duplicates and reordering, so a scenario is delivered the same way each run.
    public var seed: UInt64?
    /// The fraction of notifications (0…1) delivered a second time, with the same `uuid`.
    public var duplicates: Double?
    /// Deliver out of order: all at once in a random order, or in real time each up to `reorderSeconds` late.
    public var shuffle: Bool?
    public var reorderSeconds: Double?
    /// Every notification goes out this many seconds after its event.
    public var delaySeconds: Double?
    /// At each `at`, the next `count` deliveries fail as a dropped connection would (they are lost).
    public var failures: [ScenarioFailure]?
    /// At each of these seconds every access token issued so far stops working (as an expiry would).
    public var tokenExpiries: [Double]?
    /// At each `at`, the next `requests` API requests are answered 429 with `Retry-After: retryAfter`.
    public var rateLimitStorms: [ScenarioRateLimitStorm]?
    /// At this second every subscription is blacklisted, so deliveries stop until it is made again.
    public var blacklistAt: Double?

    public init(
        seed: UInt64? = nil, duplicates: Double? = nil, shuffle: Bool? = nil, reorderSeconds: Double? = nil, delaySeconds: Double? = nil,
        failures: [ScenarioFailure]? = nil, tokenExpiries: [Double]? = nil, rateLimitStorms: [ScenarioRateLimitStorm]? = nil, blacklistAt: Double? = nil
    ) {
        self.seed = seed
        self.duplicates = duplicates
        self.shuffle = shuffle
        self.reorderSeconds = reorderSeconds
        self.delaySeconds = delaySeconds
        self.failures = failures
        self.tokenExpiries = tokenExpiries
        self.rateLimitStorms = rateLimitStorms
        self.blacklistAt = blacklistAt
    }

    /// An unreliable network: `duplicates` of the notifications twice, all shuffled.
    public static func scrambled(duplicates: Double, seed: UInt64) -> ScenarioDelivery {
        ScenarioDelivery(seed: seed, duplicates: duplicates, shuffle: true)
    }

    func validate(path: String) throws(ScenarioError) {
        if let duplicates, !(0...1).contains(duplicates) { throw ScenarioError(field: path + ".duplicates", message: "must be from 0 to 1") }
        func seconds(_ value: Double?, _ field: String) throws(ScenarioError) {
            if let value, !(value.isFinite && value >= 0) { throw ScenarioError(field: "\(path).\(field)", message: "must be 0 or more seconds") }
        }
        try seconds(self.reorderSeconds, "reorderSeconds")
        try seconds(self.delaySeconds, "delaySeconds")
        try seconds(self.blacklistAt, "blacklistAt")
        for (index, at) in (self.tokenExpiries ?? []).enumerated() { try seconds(at, "tokenExpiries[\(index)]") }
        for (index, failure) in (self.failures ?? []).enumerated() {
            try seconds(failure.at, "failures[\(index)].at")
            guard failure.count > 0 else { throw ScenarioError(field: "\(path).failures[\(index)].count", message: "must be 1 or more") }
        }
        for (index, storm) in (self.rateLimitStorms ?? []).enumerated() {
            try seconds(storm.at, "rateLimitStorms[\(index)].at")
            guard storm.requests > 0 else { throw ScenarioError(field: "\(path).rateLimitStorms[\(index)].requests", message: "must be 1 or more") }
            guard storm.retryAfter >= 0 else { throw ScenarioError(field: "\(path).rateLimitStorms[\(index)].retryAfter", message: "must be 0 or more") }
        }
    }
}

/// Deliveries that fail, starting at `at` seconds.
public struct ScenarioFailure: Codable, Sendable, Hashable {
    public var at: Double
    public var count: Int

    public init(at: Double, count: Int) {
        self.at = at
        self.count = count
    }
}

/// A run of 429s on the REST API, starting at `at` seconds.
public struct ScenarioRateLimitStorm: Codable, Sendable, Hashable {
    public var at: Double
    public var requests: Int
    public var retryAfter: Int

    public init(at: Double, requests: Int, retryAfter: Int) {
        self.at = at
        self.requests = requests
        self.retryAfter = retryAfter
    }
}
