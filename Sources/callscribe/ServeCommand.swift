import ArgumentParser
import Foundation
import Hummingbird
import ScribeApp
import ScribeServer

/// `callscribe serve`: the real server, configured from the environment or a config file.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run Callscribe against RingCentral and HubSpot.",
        discussion: """
            Settings come from environment variables, or from a JSON file given with --config whose keys are the \
            same names; the environment wins. Settings:

            \(Setting.reference)
            """
    )

    @Option(help: "A JSON file of settings, e.g. {\"CALLSCRIBE_PORT\": \"8080\"}.")
    var config: String?

    func run() async throws {
        let configuration = try CommandSettings.configuration(configFile: self.config)
        let logger = CommandLogging.bootstrap(level: configuration.logLevel)
        try await OutboundHTTP.withClient { client in
            let callscribe = try Callscribe(configuration: configuration, httpClient: client, logger: logger)
            try await buildApplication(callscribe).runService()
        }
    }
}
