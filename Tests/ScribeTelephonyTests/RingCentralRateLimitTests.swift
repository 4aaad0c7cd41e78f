import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeCore
import ScribeSandbox
import ScribeTelephony
import ScribeTestSupport
import ServiceLifecycle
import Testing

/// The client reads RingCentral's `X-Rate-Limit-*` headers and holds a spent group's requests until
/// its window passes, so the sandbox, enforcing RingCentral's budgets, never has to answer 429.
@Suite("RingCentral rate-limit headers")
struct RingCentralRateLimitTests {
    static func withPhone(
        limits: SandboxRateLimits, maximumHold: TimeInterval, _ body: @Sendable (PhoneSystemSandbox, RingCentralClient, String) async throws -> Void
    ) async throws {
        let http = HTTPClient()
        let result: Result<Void, any Error>
        do {
            result = .success(try await PhoneSandboxHarness.run(httpClient: http) { served in
                served.phone.rateLimitBudgets = limits
                let credentials = RingCentralCredentials(
                    serverURL: served.url, clientID: served.phone.credentials.clientID, clientSecret: served.phone.credentials.clientSecret,
                    jwt: served.phone.credentials.jwt
                )
                // The real clock: holding means waiting for real.
                let client = RingCentralClient(credentials: credentials, httpClient: http, maximumRateLimitHold: maximumHold)
                try await body(served.phone, client, served.url)
            })
        } catch {
            result = .failure(error)
        }
        try await http.shutdown()
        try result.get()
    }

    static func limits(light: Int, window: Int) -> SandboxRateLimits {
        var limits = SandboxRateLimits.generous
        limits.light = .init(limit: light, window: window)
        return limits
    }

    @Test("the sandbox sends RingCentral's headers, per group")
    func headers() async throws {
        try await Self.withPhone(limits: .ringCentral, maximumHold: 15) { phone, _, url in
            var request = HTTPClientRequest(url: url + "/restapi/v1.0/account/~")
            request.method = .GET
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
            #expect(response.status == .unauthorized)
            #expect(response.headers.first(name: "X-Rate-Limit-Group") == "light")
            #expect(response.headers.first(name: "X-Rate-Limit-Limit") == "50")
            #expect(response.headers.first(name: "X-Rate-Limit-Remaining") == "49")
            #expect(response.headers.first(name: "X-Rate-Limit-Window") == "60")
        }
    }

    @Test("once Remaining reaches 0, the group's next requests wait for the window instead of earning a 429")
    func holdsUntilTheWindowPasses() async throws {
        try await Self.withPhone(limits: Self.limits(light: 3, window: 2), maximumHold: 15) { phone, client, _ in
            let start = Date()
            for _ in 0..<6 { _ = try await client.accountID() }
            let elapsed = Date().timeIntervalSince(start)
            #expect(phone.rateLimitRejections == 0)
            #expect(phone.apiRequestCount == 6)
            #expect(elapsed >= 1.9, "the fourth request waited for the 2-second window (took \(elapsed) s)")
        }
    }

    @Test("a hold longer than the maximum fails at once, retryable, with nothing sent")
    func longHoldFailsFast() async throws {
        try await Self.withPhone(limits: Self.limits(light: 2, window: 60), maximumHold: 1) { phone, client, _ in
            for _ in 0..<2 { _ = try await client.accountID() }
            let start = Date()
            do {
                _ = try await client.accountID()
                Issue.record("expected the request to be held back")
            } catch let error as TelephonyError {
                guard case .rateLimited(let retryAfter) = error.kind else {
                    Issue.record("expected rateLimited, got \(error)")
                    return
                }
                #expect(retryAfter > 50 && retryAfter <= 60)
                #expect(error.isRetryable)
            }
            #expect(Date().timeIntervalSince(start) < 1)
            #expect(phone.apiRequestCount == 2)
            #expect(phone.rateLimitRejections == 0)
        }
    }

    @Test("the sandbox's overrun budget answers 429 with Retry-After, and requests during the penalty restart it")
    func sandboxPenalty() async throws {
        var limits = Self.limits(light: 1, window: 60)
        limits.penalty = 60
        try await Self.withPhone(limits: limits, maximumHold: 15) { phone, _, url in
            var request = HTTPClientRequest(url: url + "/restapi/v1.0/account/~")
            request.method = .GET
            let first = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
            #expect(first.status == .unauthorized)
            for _ in 0..<2 {
                let refused = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
                #expect(refused.status == .tooManyRequests)
                #expect(refused.headers.first(name: "Retry-After") == "60")
                #expect(refused.headers.first(name: "X-Rate-Limit-Remaining") == "0")
            }
            #expect(phone.rateLimitRejections == 2)
        }
    }
}
