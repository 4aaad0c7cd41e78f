import ArgumentParser
import Foundation
import ScribeApp

/// `callscribe coverage`: how completely calls reached the CRM, per day.
struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Per UTC day: how many call logs are logged, pending, failed and skipped, why, and the share of loggable calls logged.",
        discussion: "Days are UTC dates of the call's start. Loggable calls are all but the skipped ones (skipped on purpose: internal, too short, …)."
    )

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "First day to count (YYYY-MM-DD, UTC).")
    var since: String?

    @Option(help: "Last day to count, included (YYYY-MM-DD, UTC).")
    var until: String?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        _ = try DayOption.range(since: self.since, until: self.until)
    }

    func run() async throws {
        let range = try DayOption.range(since: self.since, until: self.until)
        let store = try self.ledger.open(creating: false)
        let report = try await CoverageReport.build(store: store, since: range.since, until: range.until)
        if self.json {
            try JSONOutput.print(report)
        } else {
            print(report.text)
        }
    }
}
