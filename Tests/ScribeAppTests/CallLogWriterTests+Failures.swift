import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Testing

extension CallLogWriterTests {
    /// Runs the harness's first job against a connector whose create fails with `error`.
    func runFailingCreate(_ error: ConnectorError, retryPolicy: RetryPolicy = RetryPolicy()) async throws -> (H, StrictCRMConnector) {
        let harness = try await H()
        let connector = StrictCRMConnector(findContacts: { _ in [H.jane] }, createCallRecord: { _ throws(ConnectorError) in throw error })
        try await harness.writer(connector, retryPolicy: retryPolicy).run(harness.job)
        #expect(connector.calls == ["findContacts(+14155550123)", "createCallRecord(\(harness.logID))"])
        return (harness, connector)
    }

    @Test("a transient failure fails the log with a retry time from the retry policy, and the job waits for it")
    func transientFailure() async throws {
        let error = ConnectorError(.transient, operation: "hubspot.createCall", status: 503, message: "Service Unavailable")
        let (harness, _) = try await self.runFailingCreate(error)
        let retryAt = try #require(RetryPolicy().nextAttempt(after: 1, now: H.now, random: H.random))
        #expect(retryAt > H.now)

        let log = try await harness.log()
        #expect(log.state == .failed(reason: error.description, retryAt: retryAt))
        #expect(log.crmRecordID == nil)
        #expect(try await harness.sqlite.nextJobDue() == retryAt)
        #expect(try await harness.sqlite.claimJobs(limit: 10, now: retryAt.addingTimeInterval(-0.01), leaseUntil: H.at(1000)).isEmpty)
        let retried = try await harness.sqlite.claimJobs(limit: 10, now: retryAt, leaseUntil: retryAt.addingTimeInterval(30))
        #expect(retried.map(\.id) == [harness.job.id])
        #expect(retried.first?.attempts == 2)
        #expect(retried.first?.lastError == error.description)
        #expect(try await harness.sqlite.deadJobs().isEmpty)
    }

    @Test("a rate limit is not retried before the CRM's Retry-After")
    func rateLimited() async throws {
        let error = ConnectorError(.rateLimited(retryAfter: 120), operation: "hubspot.createCall", status: 429, message: "Too Many Requests")
        let (harness, _) = try await self.runFailingCreate(error)

        guard case .failed(let reason, let retryAt?) = try await harness.log().state else {
            Issue.record("expected a failed log with a retry time, got \(try await harness.log().state)")
            return
        }
        #expect(reason == error.description)
        #expect(retryAt >= H.now.addingTimeInterval(120))
        #expect(try await harness.sqlite.nextJobDue() == retryAt)
        #expect(try await harness.sqlite.claimJobs(limit: 10, now: H.now.addingTimeInterval(119), leaseUntil: H.at(1000)).isEmpty)
    }

    @Test("a rate limit does not use up an attempt: on the last allowed attempt it is still retried, with the attempt given back")
    func rateLimitKeepsAttempts() async throws {
        let error = ConnectorError(.rateLimited(retryAfter: nil), operation: "hubspot.createCall", status: 429, message: "Too Many Requests")
        let (harness, _) = try await self.runFailingCreate(error, retryPolicy: RetryPolicy(baseDelay: 2, maximumAttempts: 1))

        let retryAt = RetryPolicy(baseDelay: 2).nextAttemptAfterRateLimit(now: H.now, retryAfter: nil, random: H.random)
        #expect(retryAt == H.now.addingTimeInterval(3), "the base delay, plus half of it as jitter")
        #expect(try await harness.log().state == .failed(reason: error.description, retryAt: retryAt))
        #expect(try await harness.sqlite.deadJobs().isEmpty)
        let retried = try await harness.sqlite.claimJobs(limit: 10, now: retryAt, leaseUntil: retryAt.addingTimeInterval(30))
        #expect(retried.map(\.id) == [harness.job.id])
        #expect(retried.first?.attempts == 1, "the turned-away attempt was given back")
    }

    @Test("a permanent failure dead-letters the job with the error, and the log has no retry time")
    func permanentFailure() async throws {
        let error = ConnectorError(.validationFailed(field: "hs_timestamp"), operation: "hubspot.createCall", status: 400, message: "invalid timestamp")
        let (harness, _) = try await self.runFailingCreate(error)

        #expect(try await harness.log().state == .failed(reason: error.description, retryAt: nil))
        let dead = try await harness.sqlite.deadJobs()
        #expect(dead.map(\.id) == [harness.job.id])
        #expect(dead.first?.lastError == error.description)
        #expect(try await harness.sqlite.nextJobDue() == nil)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("a transient failure on the last allowed attempt dead-letters the job")
    func attemptsExhausted() async throws {
        let error = ConnectorError(.transient, operation: "hubspot.createCall", status: 502, message: "Bad Gateway")
        let (harness, _) = try await self.runFailingCreate(error, retryPolicy: RetryPolicy(maximumAttempts: 1))

        #expect(try await harness.log().state == .failed(reason: error.description, retryAt: nil))
        #expect(try await harness.sqlite.deadJobs().map(\.id) == [harness.job.id])
    }

    @Test("a log whose connection has no connector fails permanently without a CRM call")
    func noConnector() async throws {
        let harness = try await H()
        try await harness.writer(nil).run(harness.job)

        guard case .failed(let reason, nil) = try await harness.log().state else {
            Issue.record("expected a permanently failed log, got \(try await harness.log().state)")
            return
        }
        #expect(reason.contains("hubspot"))
        #expect(try await harness.sqlite.deadJobs().map(\.id) == [harness.job.id])
    }
}
