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
    public var crm: CRMSettings.Kind = .hubspot
    public var seed: UInt64 = 42
    /// Keep the sandboxes' calls and CRM records in the data folder, so a restarted demo goes on where it stopped.
    /// Only the HubSpot sandbox keeps its records; Pipedrive's and Salesforce's start empty each time.
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

/// The stack while it runs.
public struct RunningSandboxStack: Sendable {
    public let company: SandboxCompany
    public let phone: PhoneSystemSandbox
    /// The sandbox CRM the stack runs, whichever vendor it is.
    public let sandboxCRM: SandboxStackCRM
    public let callscribe: Callscribe
    public let callscribeURL: String
    public let phoneURL: String
    public let crmURL: String

    /// The HubSpot sandbox, for stacks run with the default ``SandboxStackOptions/crm``; the others are
    /// in ``sandboxCRM``. Asking a Pipedrive or Salesforce stack for it is a programming error.
    public var crm: HubSpotSandbox {
        guard let sandbox = self.sandboxCRM.hubSpot else { preconditionFailure("the stack runs \(self.sandboxCRM.displayName), not HubSpot") }
        return sandbox
    }

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
    /// The data folder's ledger logs into another CRM, whose sandbox is not running.
    case otherCRM(ledger: [String], wanted: CRMSettings.Kind, dataDirectory: String)

    public var description: String {
        switch self {
        case .notSubscribed:
            "Callscribe did not subscribe to the sandbox phone system in time"
        case .otherCRM(let ledger, let wanted, let folder):
            "the data folder \(folder) holds a stack that logged into \(ledger.joined(separator: ", ")); "
                + "use another data folder for \(wanted.rawValue), or the same CRM as before"
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
        let crm = SandboxStackCRM.make(
            options.crm, company: company, journalFolder: options.persistSandbox ? sandboxFolder : nil,
            createAnswerDelay: options.crmCreateAnswerDelay, logger: logger
        )
        let phoneServer = SandboxServer(name: "sandbox-ringcentral", router: phone.router(), port: options.phonePort, logger: logger)
        let crmServer = SandboxServer(name: "sandbox-\(crm.kind.rawValue)", router: crm.router(), port: options.crmPort, logger: logger)
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
            ]
            settings.merge(crm.callscribeSettings(baseURL: crmURL)) { _, crm in crm }
            settings.merge(options.settings) { _, override in override }
            let app: ServiceGroup
            let running: RunningSandboxStack
            do {
                var configuration = try CallscribeConfiguration(SettingsSource(environment: settings))
                configuration.passwordHasher = options.passwordHasher
                let callscribe = try Callscribe(configuration: configuration, httpClient: httpClient, logger: logger)
                // Each call is logged into every CRM connection the ledger holds: one left by a stack
                // with another CRM would point at a sandbox that is not running, and fail every log.
                let others = try await callscribe.store.connections().map(\.kind).filter { $0 != crm.kind.rawValue }
                guard others.isEmpty else {
                    throw SandboxStackError.otherCRM(ledger: Array(Set(others)).sorted(), wanted: crm.kind, dataDirectory: options.dataDirectory.path)
                }
                app = ServiceGroup(configuration: .init(services: [buildApplication(callscribe)], logger: logger))
                group.addTask { try await app.run() }
                let port = await callscribe.serverListening.value
                running = RunningSandboxStack(
                    company: company, phone: phone, sandboxCRM: crm, callscribe: callscribe, callscribeURL: "http://127.0.0.1:\(port)",
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
