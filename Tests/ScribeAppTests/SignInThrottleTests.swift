import Foundation
import ScribeApp
import ScribeCore
import Testing

/// Password guessing is slowed down per email.
@Suite("Sign-in throttle")
struct SignInThrottleTests {
    typealias A = AccessHarness

    @Test("after five wrong passwords even the right one is refused until fifteen minutes after the first; then it works")
    func lockout() async throws {
        try await A.run { harness async throws in
            _ = try await harness.user("alex@example.com")
            for _ in 1...5 {
                await #expect(throws: AccessError.signInFailed) { _ = try await harness.app.signIn(email: "alex@example.com", password: "wrong-password") }
                harness.clock.advance(by: 10)
            }
            let error = try await #require(throws: AccessError.self) { _ = try await harness.app.signIn(email: "ALEX@example.com", password: A.password) }
            guard case .tooManyAttempts(let until) = error else { Issue.record("expected tooManyAttempts, got \(error)"); return }
            #expect(until == harness.clock.now.addingTimeInterval(900 - 50))
            harness.clock.advance(by: 900)
            #expect(try await harness.app.signIn(email: "alex@example.com", password: A.password).user.email == "alex@example.com")
        }
    }

    @Test("a successful sign-in forgets earlier failures; another email is not affected")
    func successResets() async throws {
        try await A.run { harness async throws in
            _ = try await harness.user("alex@example.com")
            _ = try await harness.user("bea@example.com")
            for _ in 1...4 { _ = try? await harness.app.signIn(email: "alex@example.com", password: "wrong-password") }
            _ = try await harness.app.signIn(email: "alex@example.com", password: A.password)
            for _ in 1...4 { _ = try? await harness.app.signIn(email: "alex@example.com", password: "wrong-password") }
            #expect(try await harness.app.signIn(email: "alex@example.com", password: A.password).user.email == "alex@example.com")
            for _ in 1...5 { _ = try? await harness.app.signIn(email: "mallory@example.com", password: "wrong-password") }
            #expect(try await harness.app.signIn(email: "bea@example.com", password: A.password).user.email == "bea@example.com")
        }
    }
}
