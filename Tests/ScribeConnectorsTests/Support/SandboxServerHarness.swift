import AsyncHTTPClient
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import ServiceLifecycle

/// Serves `router` for real on loopback as a ``SandboxServer`` named `name`, runs `body` with its
/// base URL, and stops the server gracefully.
///
/// A graceful stop closes the client's idle keep-alive connections instead of cancelling them mid-wait.
func withSandboxServer<Value>(
    name: String,
    router: Router<BasicRequestContext>,
    _ body: (_ baseURL: String) async throws -> Value
) async throws -> Value {
    var logger = Logger(label: "test.\(name)")
    logger.logLevel = .warning
    let server = SandboxServer(name: name, router: router, logger: logger)
    let services = ServiceGroup(configuration: .init(services: [server], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await services.run() }
        let baseURL = await server.baseURL
        do {
            let value = try await body(baseURL)
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return value
        } catch {
            await services.triggerGracefulShutdown()
            throw error
        }
    }
}

extension HTTPClient {
    /// Sends `json` (if any) to `url` with `headers`, straight to a sandbox, bypassing any connector,
    /// to see the wire as a vendor's clients would.
    func rawSandboxRequest(_ method: HTTPMethod, _ url: String, headers: [(String, String)], json: String?) async throws -> ConnectorHTTPResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await self.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 4 << 20)
        return ConnectorHTTPResponse(status: Int(response.status.code), headers: response.headers, body: body)
    }
}
