import AsyncHTTPClient
import Testing

/// Gives a suite one `HTTPClient`, created before its first test and shut down after its last.
struct SharedHTTPClientTrait: SuiteTrait, TestScoping {
    @TaskLocal static var current: HTTPClient?

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let client = HTTPClient()
        do {
            try await SharedHTTPClientTrait.$current.withValue(client) { try await function() }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}

extension Trait where Self == SharedHTTPClientTrait {
    /// One `HTTPClient` for the whole suite: ``SharedHTTPClientTrait/current``.
    static var sharedHTTPClient: Self { SharedHTTPClientTrait() }
}

extension HTTPClient {
    /// The suite's client; a test outside a `.sharedHTTPClient` suite is a mistake in the test.
    static var suite: HTTPClient {
        get throws { try #require(SharedHTTPClientTrait.current, "the suite needs the .sharedHTTPClient trait") }
    }
}
