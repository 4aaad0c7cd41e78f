import ArgumentParser
import Foundation
import Logging
import ScribeApp
import ScribeDemo
import ScribeSandbox
import ServiceLifecycle
import UnixSignals

/// `callscribe demo`: the sandbox phone system and a sandbox CRM plus a real Callscribe, calls flowing at once.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run Callscribe with a sandbox phone system and a sandbox CRM (HubSpot, Pipedrive or Salesforce) on loopback; calls start at once.",
        discussion: """
            The HubSpot sandbox keeps its records in the data folder, so a restarted demo carries on; the Pipedrive and \
            Salesforce sandboxes keep theirs in memory and start empty. A data folder serves one CRM: use another --data to switch.
            """
    )

    @Option(help: "Folder for the ledger and the sandboxes' state; a restarted demo carries on from it.")
    var data = "./data"

    @Option(help: "Callscribe's port; the sandbox phone system and CRM take the next two.")
    var port = 8080

    @Option(help: "Average seconds between two calls.")
    var callGap = 2.0

    @Option(help: "incremental (records gain notes and recording links in stages) or all_at_once (each record arrives once, complete).")
    var mode = "incremental"

    @OptionGroup var crm: CRMOption

    @Option(help: ArgumentHelp("A scenario file (YAML or JSON, see scenarios/) to replay, in real time, instead of random calls.", valueName: "file"))
    var scenario: String?

    @Option(help: ArgumentHelp("Milliseconds the sandbox CRM (HubSpot) holds each new call record, stored, before answering: a window for crash tests.", visibility: .hidden))
    var crmAnswerDelayMs = 0

    func validate() throws {
        guard ["incremental", "all_at_once"].contains(self.mode) else { throw ValidationError("--mode must be incremental or all_at_once") }
        guard (1...65533).contains(self.port) else { throw ValidationError("--port must be from 1 to 65533") }
        guard self.callGap > 0 else { throw ValidationError("--call-gap must be more than 0") }
        guard (0...60_000).contains(self.crmAnswerDelayMs) else { throw ValidationError("--crm-answer-delay-ms must be from 0 to 60000") }
        guard self.crmAnswerDelayMs == 0 || self.crm.vendor == .hubspot else { throw ValidationError("--crm-answer-delay-ms works with --crm hubspot only") }
        if let scenario {
            do {
                _ = try Scenario.load(contentsOf: URL(fileURLWithPath: scenario))
            } catch {
                throw ValidationError("--scenario \(scenario): \(error)")
            }
        }
    }

    func run() async throws {
        let logger = CommandLogging.bootstrap(level: .info)
        var options = SandboxStackOptions(dataDirectory: URL(fileURLWithPath: self.data, isDirectory: true))
        options.callscribePort = self.port
        options.phonePort = self.port + 1
        options.crmPort = self.port + 2
        options.crm = self.crm.vendor
        options.persistSandbox = true
        options.crmCreateAnswerDelay = .milliseconds(self.crmAnswerDelayMs)
        // Short calls in the demo: a recording is waited for a call's length plus half a minute.
        options.settings = [Setting.syncInterval.name: "15", Setting.loggingMode.name: self.mode, Setting.recordingSlack.name: "30"]
        // CALLSCRIBE_* settings in the environment reach the demo's Callscribe too, e.g. CALLSCRIBE_MULTIPLE_MATCHES=ask;
        // not the CRM, which must be the sandbox's.
        let owned = [Setting.dataDirectory.name, Setting.crm.name]
        for (name, value) in ProcessInfo.processInfo.environment where name.hasPrefix("CALLSCRIBE_") && !owned.contains(name) {
            options.settings[name] = value
        }
        let scenario = try self.scenario.map { try Scenario.load(contentsOf: URL(fileURLWithPath: $0)) }
        let demo = DemoService(options: options, callGap: self.callGap, scenario: scenario, logger: logger)
        try await ServiceGroup(configuration: .init(services: [demo], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)).run()
    }
}

/// The whole demo as one service, so Ctrl-C shuts it down gracefully.
struct DemoService: Service {
    let options: SandboxStackOptions
    let callGap: Double
    /// Replayed instead of random calls, when given.
    let scenario: Scenario?
    let logger: Logger

    func run() async throws {
        try await SandboxStack.run(self.options, logger: self.logger) { stack in
            try await stack.waitUntilSubscribed()
            try await DemoPeople.ensure(stack)
            // Only the HubSpot sandbox serves a page of its contacts and records; the others are API only.
            let crmPage = stack.sandboxCRM.hubSpot == nil ? stack.crmURL : stack.crmURL + "/"
            print(
                """

                Callscribe demo is running.
                  Web app (calls, live notes, settings, admin): \(stack.callscribeURL)/
                    sign in as \(DemoPeople.adminEmail) (admin) or \(DemoPeople.agentEmail(extensionNumber: "101")) … \
                \(DemoPeople.agentEmail(extensionNumber: "106")) (agents), password: \(DemoPeople.password)
                    (also: callscribe calls list --data \(self.options.dataDirectory.path))
                  Sandbox CRM (\(stack.sandboxCRM.displayName) API): \(crmPage)
                  Sandbox phone (RingCentral): \(stack.phoneURL)
                Press Ctrl-C to stop.

                """
            )
            // Show the URLs at once even when standard output is a file or a pipe.
            fflush(nil)
            let generator = CallGenerator(
                sandbox: stack.phone, scripts: CallScripts(company: stack.company, timeScale: 0.05), meanGap: self.callGap, seed: self.options.seed
            )
            let agents = DemoAgents(callscribe: stack.callscribe, logger: self.logger)
            try await withThrowingDiscardingTaskGroup { group in
                if let scenario = self.scenario {
                    group.addTask {
                        let sessions = try await stack.phone.play(scenario, startingAt: Date(), realTime: true)
                        self.logger.info("scenario replayed", metadata: ["scenario": "\(scenario.name)", "sessions": "\(sessions.count)"])
                        // Keep serving until Ctrl-C, so the calls can be looked at.
                        try await gracefulShutdown()
                    }
                } else {
                    group.addTask { try await generator.run() }
                }
                group.addTask { try await agents.run() }
            }
        }
    }
}
