import Foundation

/// The effects the domain needs from the outside world: time, fresh ids, randomness.
///
/// Injected everywhere so that tests are deterministic and fast.
public struct Effects: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// A fresh unique identifier string.
    public var makeID: @Sendable () -> String
    /// A uniformly distributed number in `0..<1`, for jitter.
    public var random: @Sendable () -> Double

    public init(now: @escaping @Sendable () -> Date, makeID: @escaping @Sendable () -> String, random: @escaping @Sendable () -> Double) {
        self.now = now
        self.makeID = makeID
        self.random = random
    }

    /// The real clock, UUIDs and system randomness.
    public static let live = Effects(
        now: { Date() },
        makeID: { UUID().uuidString.lowercased() },
        random: { Double.random(in: 0..<1) }
    )
}
