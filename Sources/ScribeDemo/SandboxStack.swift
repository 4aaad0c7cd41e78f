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
    /// The CRM whose sandbox runs on `crmPort` and which Callscribe logs into.
    public var crm: SandboxStackCRM.Vendor = .hubspot
    public var seed: UInt64 = 42
    /// Keep the sandboxes' calls and CRM records in the data folder, so a restarted demo goes on where it stopped.
    /// Only the HubSpot sandbox keeps its records; the others start empty each time.
    public var persistSandbox = false
    /// Further settings for Callscribe, by setting name.
    public var settings: [String: String] = [:]
    /// How people's passwords are hashed; tests make it cheap.
    public var passwordHasher = PasswordHasher()
    /// The sandbox CRM holds each new call record this long before answering (crash tests). HubSpot only.
    public var crmCreateAnswerDelay: Duration = .zero

    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }
}

public enum SandboxStackError: Error, CustomStringConvertible {
    case notSubscribed
    case callscribeStopped
    /// The data folder's ledger logs into another CRM, whose sandbox is not running.
    case otherCRM(ledger: [String], wanted: String, dataDirectory: String)

    public var description: String {
        switch self {
        case .notSubscribed:
            "Callscribe did not subscribe to the sandbox phone system in time"
        case .callscribeStopped:
            "Callscribe stopped before its work was done"
        case .otherCRM(let ledger, let wanted, let folder):
            "the data folder \(folder) holds a stack that logged into \(ledger.joined(separator: ", ")); "
                + "use another data folder for \(wanted), or the same CRM as before"
        }
    }
}

/// Runs the sandbox phone system and CRM on loopback and a real Callscribe against them over HTTP,
/// exactly as it would run against RingCentral and the CRM.
public enum SandboxStack {
    /// The credentials the sandbox CRMs expect, shaped like each vendor's real ones.
    public static let hubSpotToken = "pat-na1-sandbox-0000-0000-0000-000000000000"
    public static let pipedriveToken = "pd-sandbox-0000-0000-0000-000000000000"
    public static let salesforceToken = "00D000000000001!AQsandbox.0000.0000.0000"

    /// Starts everything, runs `body`, then stops everything.
    public static func run<Result: Sendable>(
        _ options: SandboxStackOptions, logger: Logger, body: @Sendable (RunningSandboxStack) async throws -> Result
    ) async throws -> Result {
        try await OutboundHTTP.withClient { httpClient in
            try await self.run(options, httpClient: httpClient, logger: logger, body: body)
        }
    }

    /// Starts the sandboxes alone with a fresh HTTP client for Callscribe; see ``runSandboxes(_:httpClient:logger:body:)``.
    public static func runSandboxes<Result: Sendable>(
        _ options: SandboxStackOptions, logger: Logger, body: @Sendable (RunningSandboxes) async throws -> Result
    ) async throws -> Result {
        try await OutboundHTTP.withClient { httpClient in
            try await self.runSandboxes(options, httpClient: httpClient, logger: logger, body: body)
        }
    }

    private static func run<Result: Sendable>(
        _ options: SandboxStackOptions, httpClient: HTTPClient, logger: Logger,
        body: @Sendable (RunningSandboxStack) async throws -> Result
    ) async throws -> Result {
        try await self.runSandboxes(options, httpClient: httpClient, logger: logger) { sandboxes in
            try await self.runCallscribe(options, on: sandboxes, body: body)
        }
    }

    /// Starts the sandbox phone system and CRM alone, runs `body`, then stops them. Within `body`,
    /// ``runCallscribe(_:on:body:)`` can start and stop Callscribe as often as a test needs, while the
    /// phone system goes on placing calls and delivering (or failing to deliver) their webhooks.
    public static func runSandboxes<Result: Sendable>(
        _ options: SandboxStackOptions, httpClient: HTTPClient, logger: Logger,
        body: @Sendable (RunningSandboxes) async throws -> Result
    ) async throws -> Result {
        // The phone system's own client fails a delivery to a stopped Callscribe at once, as
        // RingCentral's would, instead of retrying the connection until its timeout.
        try await OutboundHTTP.withClient(retryingConnections: false) { phoneClient in
            try await self.runSandboxes(options, httpClient: httpClient, phoneClient: phoneClient, logger: logger, body: body)
        }
    }

    private static func runSandboxes<Result: Sendable>(
        _ options: SandboxStackOptions, httpClient: HTTPClient, phoneClient: HTTPClient, logger: Logger,
        body: @Sendable (RunningSandboxes) async throws -> Result
    ) async throws -> Result {
        let company = SandboxCompany(seed: options.seed)
        let sandboxFolder = options.dataDirectory.appendingPathComponent("sandbox", isDirectory: true)
        let phone = try PhoneSystemSandbox(
            company: company, planURL: options.persistSandbox ? sandboxFolder.appendingPathComponent("phone-calls.jsonl") : nil,
            httpClient: phoneClient, logger: logger
        )
        let crm = SandboxStackCRM.make(
            options.crm, company: company, journalFolder: options.persistSandbox ? sandboxFolder : nil,
            createAnswerDelay: options.crmCreateAnswerDelay, logger: logger
        )
        let phoneServer = SandboxServer(name: "sandbox-ringcentral", router: phone.router(), port: options.phonePort, logger: logger)
        let crmServer = SandboxServer(name: "sandbox-\(crm.vendor.rawValue)", router: crm.router(), port: options.crmPort, logger: logger)
        // Each part runs in a service group and is stopped by a graceful shutdown, which closes open
        // connections; plain cancellation would leave the servers waiting on them.
        let sandboxes = ServiceGroup(configuration: .init(services: [phoneServer, crmServer], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await sandboxes.run() }
            let phoneURL = await phoneServer.baseURL
            let crmURL = await crmServer.baseURL
            phone.served(at: phoneURL)
            let running = RunningSandboxes(
                company: company, phone: phone, sandboxCRM: crm, phoneURL: phoneURL, crmURL: crmURL, httpClient: httpClient, logger: logger
            )
            let outcome: Swift.Result<Result, any Error>
            do {
                outcome = .success(try await body(running))
            } catch {
                outcome = .failure(error)
            }
            await sandboxes.triggerGracefulShutdown()
            try await group.waitForAll()
            return try outcome.get()
        }
    }

    /// Starts a real Callscribe against running sandboxes (on `options.callscribePort`, with its
    /// ledger in `options.dataDirectory`), runs `body`, then shuts Callscribe down gracefully.
    public static func runCallscribe<Result: Sendable>(
        _ options: SandboxStackOptions, on sandboxes: RunningSandboxes, body: @Sendable (RunningSandboxStack) async throws -> Result
    ) async throws -> Result {
        var settings: [String: String] = [
            Setting.dataDirectory.name: options.dataDirectory.path,
            Setting.port.name: String(options.callscribePort),
            Setting.ringCentralServer.name: sandboxes.phoneURL,
            Setting.ringCentralClientID.name: sandboxes.phone.credentials.clientID,
            Setting.ringCentralClientSecret.name: sandboxes.phone.credentials.clientSecret,
            Setting.ringCentralJWT.name: sandboxes.phone.credentials.jwt,
        ]
        settings.merge(try sandboxes.sandboxCRM.callscribeSettings(baseURL: sandboxes.crmURL)) { _, crm in crm }
        settings.merge(options.settings) { _, override in override }
        var configuration = try CallscribeConfiguration(SettingsSource(environment: settings))
        configuration.passwordHasher = options.passwordHasher
        let callscribe = try Callscribe(configuration: configuration, httpClient: sandboxes.httpClient, logger: sandboxes.logger)
        // Each call is logged into every CRM connection the ledger holds: one left by a stack with
        // another CRM would point at a sandbox that is not running, and fail every log.
        let kind = configuration.crm.connectionKind
        let others = try await callscribe.store.connections().map(\.kind).filter { $0 != kind }
        guard others.isEmpty else {
            throw SandboxStackError.otherCRM(ledger: Array(Set(others)).sorted(), wanted: kind, dataDirectory: options.dataDirectory.path)
        }
        let app = ServiceGroup(configuration: .init(services: [buildApplication(callscribe)], logger: sandboxes.logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // A Callscribe that stops without listening (its port taken, say) must not leave
                // the wait for its port below hanging: 0 stands for "never listened".
                defer { callscribe.serverListening.fulfill(0) }
                try await app.run()
            }
            let port = await callscribe.serverListening.value
            guard port > 0 else {
                try await group.waitForAll()
                throw SandboxStackError.callscribeStopped
            }
            let running = RunningSandboxStack(
                company: sandboxes.company, phone: sandboxes.phone, sandboxCRM: sandboxes.sandboxCRM, callscribe: callscribe,
                callscribeURL: "http://127.0.0.1:\(port)", phoneURL: sandboxes.phoneURL, crmURL: sandboxes.crmURL
            )
            let outcome: Swift.Result<Result, any Error>
            do {
                outcome = .success(try await body(running))
            } catch {
                outcome = .failure(error)
            }
            await app.triggerGracefulShutdown()
            try await group.waitForAll()
            return try outcome.get()
        }
    }
}
