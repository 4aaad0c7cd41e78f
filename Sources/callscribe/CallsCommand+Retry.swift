import ArgumentParser
import ScribeApp

extension CallsCommand {
    /// `callscribe calls retry ID`: a person runs a failed or skipped log again.
    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry",
            abstract: "Run a failed or skipped call log again now, with its attempts counted afresh.",
            discussion: "The request is stored in the ledger and the log's write queued; the running server (`callscribe serve`) carries it out."
        )

        @OptionGroup var ledger: LedgerOptions

        @Option(help: "A JSON settings file, as for serve: read for CALLSCRIBE_LOGGING_MODE and the ledger's location.")
        var config: String?

        @Argument(help: "The call-log id.")
        var id: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            try await CallRequestCommand(ledger: self.ledger, config: self.config, json: self.json).perform(self.id, verb: "run again") {
                requests, id in try await requests.retry(id, by: .console)
            }
        }
    }
}
