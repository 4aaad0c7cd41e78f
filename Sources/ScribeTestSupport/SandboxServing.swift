import Hummingbird
import Logging
import ScribeSandbox
import ServiceLifecycle

/// Serves `router` for real on loopback as a ``SandboxServer`` named `name`, runs `body` with its
/// base URL, and stops the server gracefully.
///
/// A graceful stop closes the client's idle keep-alive connections instead of cancelling them mid-wait.
public func withSandboxServer<Value>(
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
