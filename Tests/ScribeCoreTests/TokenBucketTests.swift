import Foundation
import ScribeCore
import Testing

/// The bucket's arithmetic: a full budget at once, then one token per refill interval.
@Suite("TokenBucket")
struct TokenBucketTests {
    /// 4 requests per 2 s: one token every 0.5 s, exact in binary so waits compare exactly.
    static let limit = RateLimit(requests: 4, per: 2)
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("a full bucket grants the whole budget at once, then one token per refill interval")
    func burstThenRate() {
        var bucket = TokenBucket(limit: Self.limit)
        let waits = (0..<7).map { _ in bucket.take(at: Self.start, maximumWait: 60) }
        #expect(waits == [0, 0, 0, 0, 0.5, 1, 1.5].map { .granted(wait: $0) })
    }

    @Test("tokens come back at the refill rate and never above the budget")
    func refill() {
        var bucket = TokenBucket(limit: Self.limit)
        for _ in 0..<4 { _ = bucket.take(at: Self.start, maximumWait: 60) }
        #expect(bucket.tokens(at: Self.start) == 0)
        #expect(bucket.tokens(at: Self.start.addingTimeInterval(1)) == 2)
        #expect(bucket.tokens(at: Self.start.addingTimeInterval(60)) == 4)
        #expect(bucket.take(at: Self.start.addingTimeInterval(1), maximumWait: 0) == .granted(wait: 0))
        #expect(bucket.tokens(at: Self.start.addingTimeInterval(1)) == 1)
    }

    @Test("a wait longer than allowed is refused and spends nothing")
    func refusal() {
        var bucket = TokenBucket(limit: Self.limit)
        for _ in 0..<5 { _ = bucket.take(at: Self.start, maximumWait: 60) }
        let before = bucket
        #expect(bucket.take(at: Self.start, maximumWait: 0.9) == .refused(retryAfter: 1))
        #expect(bucket == before)
        #expect(bucket.take(at: Self.start, maximumWait: 1) == .granted(wait: 1))
    }

    @Test("a pause empties the bucket until it ends, then requests go at the refill rate, not in a burst")
    func pause() {
        var bucket = TokenBucket(limit: Self.limit)
        bucket.pause(until: Self.start.addingTimeInterval(5))
        #expect(bucket.pausedUntil == Self.start.addingTimeInterval(5))
        #expect(bucket.take(at: Self.start, maximumWait: 60) == .granted(wait: 5))
        #expect(bucket.take(at: Self.start, maximumWait: 60) == .granted(wait: 5.5))
        // An earlier end never shortens a pause.
        bucket.pause(until: Self.start.addingTimeInterval(1))
        #expect(bucket.pausedUntil == Self.start.addingTimeInterval(5))
    }
}
