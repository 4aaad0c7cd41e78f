import ArgumentParser
import Foundation
import ScribeApp

/// `callscribe connectors …`: the CRM connections the ledger holds.
struct ConnectorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "connectors", abstract: "Look at the CRM connections.", subcommands: [List.self, Check.self, Test.self, Owners.self])

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

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check each stored CRM connection without writing: open its credential and search contacts by a number.",
            discussion: "Uses the same settings as serve: the environment, or --config FILE. Exits non-zero when a connection fails."
        )

        @Option(help: "A JSON file of settings, as for serve.")
        var config: String?

        @Option(help: "The phone number to search contacts by.")
        var phone = "+14155550100"

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            try await ConnectionCheckCommand(config: self.config, json: self.json).run { try await $0.checkConnections(phone: self.phone) }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Test each stored CRM connection by writing: create a call record on a contact, read it back, find it by its marker.",
            discussion: "The test record stays in the CRM (its subject says so): use a test contact. Exits non-zero when a connection fails."
        )

        @Option(help: "A JSON file of settings, as for serve.")
        var config: String?

        @Option(help: "The CRM id of the contact to write the test record on.")
        var contact: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            try await ConnectionCheckCommand(config: self.config, json: self.json).run { try await $0.testConnections(contact: self.contact) }
        }
    }

    struct Owners: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "owners",
            abstract: "List each stored CRM connection's active users and whom each person with a phone user maps to as record owner.",
            discussion: "An admin's mapping wins; otherwise the active CRM user with the person's email. Uses the serve settings (--config FILE)."
        )

        @Option(help: "A JSON file of settings, as for serve.")
        var config: String?

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            try await ConnectionCheckCommand(config: self.config, json: self.json).run { try await $0.ownerMappings() }
        }
    }
}
