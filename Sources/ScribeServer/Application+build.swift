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
public func buildRouter(_ callscribe: Callscribe) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ErrorMappingMiddleware())
    router.add(middleware: Authentication(callscribe: callscribe))
    WebhookController(callscribe: callscribe).addRoutes(to: router)
    AuthController(callscribe: callscribe).addRoutes(to: router)
    CallsController(callscribe: callscribe).addRoutes(to: router)
    LogsController(callscribe: callscribe).addRoutes(to: router)
    SettingsController(callscribe: callscribe).addRoutes(to: router)
    DirectoryController(callscribe: callscribe).addRoutes(to: router)
    StreamController(callscribe: callscribe).addRoutes(to: router)
    CoverageController(callscribe: callscribe).addRoutes(to: router)
    RecordingsController(callscribe: callscribe).addRoutes(to: router)
    AssetsController().addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    let pages = router.group().add(middleware: PageErrors())
    LoginPage(callscribe: callscribe).addRoutes(to: pages)
    CallsPage(callscribe: callscribe).addRoutes(to: pages)
    CallPage(callscribe: callscribe).addRoutes(to: pages)
    LivePage(callscribe: callscribe).addRoutes(to: pages)
    SettingsPage(callscribe: callscribe).addRoutes(to: pages)
    AdminPage(callscribe: callscribe).addRoutes(to: pages)
    RingCentralConnectPages(callscribe: callscribe).addRoutes(to: pages)
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
