import ArgumentParser
import Foundation
import ScribeApp

/// `callscribe events import FILE…`: replays saved webhook bodies into the ledger.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "Work with raw telephony events.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Feed saved webhook bodies (a JSON document, a JSON array, or JSON lines per file) through the delivery path.",
            discussion: "Each event is parsed and stored as a delivery would be, deduplicated by its uuid; a running server folds and logs it."
        )

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "Files of saved webhook bodies.")
        var files: [String]

        func validate() throws {
            guard !self.files.isEmpty else { throw ValidationError("name at least one file") }
        }

        func run() async throws {
            let store = try self.ledger.open(creating: false)
            let importer = EventImporter(store: store, now: { Date() })
            var rejected = 0
            for file in self.files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("cannot read '\(file)'")
                }
                for (index, outcome) in try await importer.importFile(data).enumerated() {
                    print("\(file)#\(index + 1): \(outcome)")
                    if case .rejected = outcome { rejected += 1 }
                }
            }
            if rejected > 0 { throw ExitCode(65) }  // EX_DATAERR: some documents were not events
        }
    }
}
