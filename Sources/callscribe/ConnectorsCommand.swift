import ArgumentParser
import Foundation
import ScribeApp

/// `callscribe connectors …`: the CRM connections the ledger holds.
struct ConnectorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "connectors", abstract: "Look at the CRM connections.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the CRM connections in the ledger: id, kind, account and base URL. Credentials are never shown."
        )

        @OptionGroup var ledger: LedgerOptions

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let store = try self.ledger.open(creating: false)
            let connections = try await ConnectionSummary.list(store: store)
            if self.json {
                try JSONOutput.print(connections)
                return
            }
            if connections.isEmpty {
                print("No CRM connections yet: `callscribe serve` stores the configured one when it starts.")
                return
            }
            let rows = [["id", "kind", "account", "base URL"]] + connections.map { [$0.id, $0.kind, $0.accountId, $0.baseUrl] }
            let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                print(zip(row.prefix(3), widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[3])
            }
        }
    }
}
