import Hummingbird
import Logging
import NIOCore
import ScribeCore
import ServiceLifecycle

/// Serves one sandbox's router on loopback as a Service, and tells the port it bound.
public struct SandboxServer: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>
    /// The port actually bound (useful when asked for port 0).
    public let port = OneShot<Int>()

    /// - Parameters:
    ///   - name: for logs.
    ///   - router: the sandbox's routes.
    ///   - port: 0 for any free port.
    public init(name: String, router: Router<BasicRequestContext>, host: String = "127.0.0.1", port: Int = 0, logger: Logger) {
        let boundPort = self.port
        self.application = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: name),
            onServerRunning: { channel in boundPort.fulfill(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    public func run() async throws {
        try await self.application.run()
    }

    /// `http://127.0.0.1:<port>` once the server is listening.
    public var baseURL: String {
        get async { "http://127.0.0.1:\(await self.port.value)" }
    }
}
