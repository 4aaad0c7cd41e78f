import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import ScribeApp
import ScribeCore
import ScribeSandbox
import ScribeServer
import ServiceLifecycle

/// Where and how to run the sandbox phone system, the sandbox CRM and Callscribe together.
public struct SandboxStackOptions: Sendable {
    public var dataDirectory: URL
    /// 0 picks free ports.
    public var callscribePort = 0
    public var phonePort = 0
    public var crmPort = 0
    public var seed: UInt64 = 42
    /// Keep the sandboxes' calls and CRM records in the data folder, so a restarted demo goes on where it stopped.
    public var persistSandbox = false
    /// Further settings for Callscribe, by setting name.
    public var settings: [String: String] = [:]
    /// How people's passwords are hashed; tests make it cheap.
    public var passwordHasher = PasswordHasher()
    /// The sandbox CRM holds each new call record this long before answering (crash tests).
    public var crmCreateAnswerDelay: Duration = .zero

    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }
}

/// The stack while it runs.
public struct RunningSandboxStack: Sendable {
    public let company: SandboxCompany
    public let phone: PhoneSystemSandbox
    public let crm: HubSpotSandbox
    public let callscribe: Callscribe
    public let callscribeURL: String
    public let phoneURL: String
    public let crmURL: String

    /// Waits until Callscribe has subscribed to the phone system's webhooks.
    public func waitUntilSubscribed(timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while self.phone.subscriptionCount == 0 {
            guard ContinuousClock.now < deadline else { throw SandboxStackError.notSubscribed }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

public enum SandboxStackError: Error, CustomStringConvertible {
    case notSubscribed

    public var description: String { "Callscribe did not subscribe to the sandbox phone system in time" }
}

/// Runs the sandbox phone system and CRM on loopback and a real Callscribe against them over HTTP,
/// exactly as it would run against RingCentral and HubSpot.
public enum SandboxStack {
    public static let hubSpotToken = "pat-na1-sandbox-0000-0000-0000-000000000000"

    /// Starts everything, runs `body`, then stops everything.
    public static func run<Result: Sendable>(
        _ options: SandboxStackOptions, logger: Logger, body: @Sendable (RunningSandboxStack) async throws -> Result
    ) async throws -> Result {
        try await OutboundHTTP.withClient { httpClient in
            try await self.run(options, httpClient: httpClient, logger: logger, body: body)
        }
    }

    private static func run<Result: Sendable>(
        _ options: SandboxStackOptions, httpClient: HTTPClient, logger: Logger,
        body: @Sendable (RunningSandboxStack) async throws -> Result
    ) async throws -> Result {
        let company = SandboxCompany(seed: options.seed)
        let sandboxFolder = options.dataDirectory.appendingPathComponent("sandbox", isDirectory: true)
        let phone = try PhoneSystemSandbox(
            company: company, planURL: options.persistSandbox ? sandboxFolder.appendingPathComponent("phone-calls.jsonl") : nil,
            httpClient: httpClient, logger: logger
        )
        let crm = HubSpotSandbox(
            company: company, accessToken: Self.hubSpotToken,
            persistenceURL: options.persistSandbox ? sandboxFolder.appendingPathComponent("hubspot-calls.jsonl") : nil, logger: logger
        )
        crm.createAnswerDelay = options.crmCreateAnswerDelay
        let phoneServer = SandboxServer(name: "sandbox-ringcentral", router: phone.router(), port: options.phonePort, logger: logger)
        let crmServer = SandboxServer(name: "sandbox-hubspot", router: crm.router(), port: options.crmPort, logger: logger)
        // Each part runs in a service group and is stopped by a graceful shutdown, which closes open
        // connections; plain cancellation would leave the servers waiting on them.
        let sandboxes = ServiceGroup(configuration: .init(services: [phoneServer, crmServer], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await sandboxes.run() }
            let phoneURL = await phoneServer.baseURL
            let crmURL = await crmServer.baseURL
            phone.served(at: phoneURL)
            var settings: [String: String] = [
                Setting.dataDirectory.name: options.dataDirectory.path,
                Setting.port.name: String(options.callscribePort),
                Setting.ringCentralServer.name: phoneURL,
                Setting.ringCentralClientID.name: phone.credentials.clientID,
                Setting.ringCentralClientSecret.name: phone.credentials.clientSecret,
                Setting.ringCentralJWT.name: phone.credentials.jwt,
                Setting.hubSpotURL.name: crmURL,
                Setting.hubSpotToken.name: Self.hubSpotToken,
            ]
            settings.merge(options.settings) { _, override in override }
            let app: ServiceGroup
            let running: RunningSandboxStack
            do {
                var configuration = try CallscribeConfiguration(SettingsSource(environment: settings))
                configuration.passwordHasher = options.passwordHasher
                let callscribe = try Callscribe(configuration: configuration, httpClient: httpClient, logger: logger)
                app = ServiceGroup(configuration: .init(services: [buildApplication(callscribe)], logger: logger))
                group.addTask { try await app.run() }
                let port = await callscribe.serverListening.value
                running = RunningSandboxStack(
                    company: company, phone: phone, crm: crm, callscribe: callscribe, callscribeURL: "http://127.0.0.1:\(port)",
                    phoneURL: phoneURL, crmURL: crmURL
                )
            } catch {
                await sandboxes.triggerGracefulShutdown()
                throw error
            }
            let outcome: Swift.Result<Result, any Error>
            do {
                outcome = .success(try await body(running))
            } catch {
                outcome = .failure(error)
            }
            await app.triggerGracefulShutdown()
            await sandboxes.triggerGracefulShutdown()
            try await group.waitForAll()
            return try outcome.get()
        }
    }
}
