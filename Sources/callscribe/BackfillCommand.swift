import ArgumentParser
import Foundation
import Logging
import ScribeApp
import ScribeCore

/// `callscribe backfill`: imports the calls of RingCentral's call log over a range of days.
struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Import calls from RingCentral's call log over a range of days, so that the server logs the ones it never heard of.",
        discussion: """
            Reads the call log page by page and stores each call as the events a webhook would have brought, skipping \
            calls the ledger already has; a running `callscribe serve` then logs them. Running it again adds nothing twice. \
            Uses the same settings as serve: the environment, or --config FILE. Progress goes to standard error.
            """
    )

    @Option(help: "A JSON file of settings, as for serve.")
    var config: String?

    @Option(help: "First day to import (YYYY-MM-DD, UTC).")
    var since: String

    @Option(help: "Last day to import, included (YYYY-MM-DD, UTC). Default: today, up to now.")
    var until: String?

    @Flag(help: "Only count the calls found and those not yet in the ledger; store nothing.")
    var dryRun = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        _ = try DayOption.range(since: self.since, until: self.until)
    }

    func run() async throws {
        let range = try DayOption.range(since: self.since, until: self.until)
        guard let since = range.since else { throw ValidationError("--since is required") }
        let configuration = try CommandSettings.configuration(configFile: self.config)
        let logger = CommandLogging.bootstrap(level: max(configuration.logLevel, .warning))
        let display = ProgressDisplay(terminal: isatty(STDERR_FILENO) == 1, dryRun: self.dryRun)
        let report: BackfillReport
        do {
            report = try await OutboundHTTP.withClient { client in
                let callscribe = try Callscribe(configuration: configuration, httpClient: client, logger: logger)
                return try await callscribe.backfill(since: since, until: range.until, dryRun: self.dryRun, progress: display.show)
            }
        } catch let error as BackfillError {
            display.finish()
            throw CommandFailure("\(error)")
        } catch {
            // A phone-system error names the request and RingCentral's message, never a credential.
            display.finish()
            throw error
        }
        display.finish()
        if self.json {
            try JSONOutput.print(report)
        } else {
            print(report.text)
        }
    }
}
