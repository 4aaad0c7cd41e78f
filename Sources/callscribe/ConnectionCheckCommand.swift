import ArgumentParser
import Foundation
import Logging
import ScribeApp

/// What `connectors check` and `connectors test` share: a Callscribe from the serve settings, the
/// results printed one line per connection, and a non-zero exit when any failed.
struct ConnectionCheckCommand {
    let config: String?
    let json: Bool

    func run(_ checks: @Sendable (Callscribe) async throws -> [ConnectionCheck]) async throws {
        let configuration = try CommandSettings.configuration(configFile: self.config)
        let logger = CommandLogging.bootstrap(level: max(configuration.logLevel, .warning))
        let results: [ConnectionCheck]
        do {
            results = try await OutboundHTTP.withClient { client in
                try await checks(try Callscribe(configuration: configuration, httpClient: client, logger: logger))
            }
        } catch let error as PeopleError {
            throw CommandFailure(error.description)
        }
        if self.json {
            try JSONOutput.print(results)
        } else if results.isEmpty {
            print("No CRM connections yet: `callscribe serve` stores the configured one when it starts.")
        } else {
            for result in results {
                print("\(result.ok ? "ok  " : "FAIL") \(result.connection.kind) \(result.connection.id) (\(result.connection.baseUrl)) in \(result.milliseconds) ms: \(result.detail)")
            }
        }
        if results.contains(where: { !$0.ok }) { throw ExitCode.failure }
    }
}
