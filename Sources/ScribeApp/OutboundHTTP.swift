import AsyncHTTPClient
import NIOCore

/// The HTTP client Callscribe talks to the phone system and the CRMs with.
public enum OutboundHTTP {
    /// A client that gives up on an unreachable host after a few seconds instead of retrying the
    /// connection until each request's own deadline (requests still carry their own timeouts), and
    /// that keeps as many connections to one CRM as writes may be in flight (AsyncHTTPClient's
    /// default of 8 would cap the workers).
    /// With `retryingConnections` false a refused connection fails the request at once (the
    /// sandbox phone system delivering to a stopped server).
    public static func makeClient(connectionsPerHost: Int = 64, retryingConnections: Bool = true) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(3), read: .seconds(30))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost)
        configuration.connectionPool.retryConnectionEstablishment = retryingConnections
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs `body` with a fresh client and shuts the client down afterwards, whatever happens.
    public static func withClient<Result: Sendable>(retryingConnections: Bool = true, _ body: (HTTPClient) async throws -> Result) async throws -> Result {
        let client = self.makeClient(retryingConnections: retryingConnections)
        let result: Swift.Result<Result, any Error>
        do {
            result = .success(try await body(client))
        } catch {
            result = .failure(error)
        }
        try await client.shutdown()
        return try result.get()
    }
}
