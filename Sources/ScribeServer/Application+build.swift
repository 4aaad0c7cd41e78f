import Hummingbird
import Logging
import NIOCore
import ScribeApp
import ScribeCore
import ServiceLifecycle

/// Builds the HTTP application around a composed ``Callscribe``: routes, the error mapping, and every
/// worker as a service of the same group, so that one graceful shutdown stops everything.
public func buildApplication(_ callscribe: Callscribe) -> some ApplicationProtocol {
    let router = buildRouter(callscribe)
    let configuration = callscribe.configuration
    var application = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "callscribe"),
        onServerRunning: { channel in callscribe.serverListening.fulfill(channel.localAddress?.port ?? configuration.port) },
        logger: callscribe.logger
    )
    application.addServices(WorkerGroup(services: callscribe.services(), logger: callscribe.logger))
    return application
}

/// The routes, without a server: used by ``buildApplication(_:)`` and by in-process tests.
public func buildRouter(_ callscribe: Callscribe) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: ErrorMappingMiddleware())
    WebhookController(callscribe: callscribe).addRoutes(to: router)
    CallsController(callscribe: callscribe).addRoutes(to: router)
    LogsController(callscribe: callscribe).addRoutes(to: router)
    CallsPage(callscribe: callscribe).addRoutes(to: router)
    return router
}

/// Runs the workers as one service with their own termination behaviours inside the application's group.
struct WorkerGroup: Service {
    let services: [ServiceGroupConfiguration.ServiceConfiguration]
    let logger: Logger

    func run() async throws {
        let group = ServiceGroup(configuration: .init(services: self.services, logger: self.logger))
        try await withGracefulShutdownHandler {
            try await group.run()
        } onGracefulShutdown: {
            Task { await group.triggerGracefulShutdown() }
        }
    }
}
