import Foundation
import ScribeCore
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let policy = RetryPolicy(baseDelay: 2, maximumDelay: 300, maximumAttempts: 12)

    func delay(after attempt: Int, hint: TimeInterval? = nil, random: Double) -> TimeInterval? {
        self.policy.nextAttempt(after: attempt, now: self.now, hint: hint, random: random)?.timeIntervalSince(self.now)
    }

    @Test("waits between half the ceiling and the ceiling, the ceiling doubling per attempt", arguments: 1...7)
    func exponentialWithJitter(attempt: Int) throws {
        let ceiling = 2 * pow(2, Double(attempt - 1))
        let shortest = try #require(self.delay(after: attempt, random: 0))
        let longest = try #require(self.delay(after: attempt, random: 0.999))
        #expect(abs(shortest - ceiling / 2) < 1e-6)
        #expect(abs(longest - (ceiling / 2 + ceiling / 2 * 0.999)) < 1e-6)
        #expect(longest < ceiling)
    }

    @Test("gives the first retries 1 s, 2 s and 4 s at the least")
    func firstDelays() {
        #expect([1, 2, 3].map { self.delay(after: $0, random: 0) } == [1, 2, 4])
    }

    @Test("caps the delay at the maximum")
    func capped() throws {
        let shortest = try #require(self.delay(after: 10, random: 0))
        let longest = try #require(self.delay(after: 10, random: 0.999))
        #expect(abs(shortest - 150) < 1e-6)
        #expect(abs(longest - 299.85) < 1e-6)
    }

    @Test("never retries sooner than the remote side asked")
    func honoursHint() throws {
        #expect(self.delay(after: 1, hint: 30, random: 0.5) == 30)
        let own = try #require(self.delay(after: 6, hint: 5, random: 0))
        #expect(own == 32)
    }

    @Test("gives up after the last attempt")
    func exhausted() {
        let policy = RetryPolicy(baseDelay: 2, maximumDelay: 300, maximumAttempts: 3)
        #expect(policy.nextAttempt(after: 2, now: self.now, random: 0) != nil)
        #expect(policy.nextAttempt(after: 3, now: self.now, random: 0) == nil)
        #expect(policy.nextAttempt(after: 4, now: self.now, hint: 10, random: 0) == nil)
    }

    @Test("defaults to 2 s base, 5 min cap and 8 attempts")
    func defaults() {
        #expect(RetryPolicy() == RetryPolicy(baseDelay: 2, maximumDelay: 300, maximumAttempts: 8))
        #expect(RetryPolicy().nextAttempt(after: 8, now: self.now, random: 0) == nil)
        #expect(RetryPolicy().nextAttempt(after: 7, now: self.now, random: 0) == self.now.addingTimeInterval(64))
    }

    @Test("the plain backoff doubles from the base delay and stops at the maximum")
    func plainBackoff() {
        let backoff = RetryPolicy(baseDelay: 2, maximumDelay: 60)
        #expect((1...7).map { backoff.delay(afterFailures: $0) } == [2, 4, 8, 16, 32, 60, 60])
        #expect(backoff.delay(afterFailures: 0) == 2, "no failure yet waits the base delay")
    }
}
