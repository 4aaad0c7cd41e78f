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
            abstract: "Check a connector file (with FILE), or each stored CRM connection without writing.",
            discussion: """
                With FILE: reads the connector file and names the line of every mistake; nothing is sent. Exits 65 when it has any.
                Without: opens each stored connection's credential and searches contacts by --phone, with the settings serve uses \
                (the environment, or --config FILE). Exits non-zero when a connection fails.
                """
        )

        @Argument(help: "A connector file (YAML or JSON) to check.")
        var file: String?

        @Option(help: "A JSON file of settings, as for serve.")
        var config: String?

        @Option(help: "The phone number to search contacts by.")
        var phone = "+14155550100"

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            if let file = self.file {
                try ConnectorFileCommand(path: file, json: self.json).check()
                return
            }
            try await ConnectionCheckCommand(config: self.config, json: self.json).run { try await $0.checkConnections(phone: self.phone) }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Try a connector file against its live CRM (with FILE), or test each stored connection by writing.",
            discussion: """
                With FILE: looks --phone up, logs a test call on the contact found (or on --contact), reads it back, updates it, finds it \
                by its marker and lists the contact's related records, stopping at the first failure. The file's inputs come from \
                --inputs or CALLSCRIBE_CONNECTOR_INPUTS. Without FILE: creates a call record on --contact through each stored \
                connection, reads it back and finds it by its marker. Test records stay in the CRM (their subject says so): use a test \
                contact. Exits non-zero when a step fails.
                """
        )

        @Argument(help: "A connector file (YAML or JSON) to try.")
        var file: String?

        @Option(help: "A JSON file of settings, as for serve.")
        var config: String?

        @Option(help: "With FILE: the phone number to look up.")
        var phone: String?

        @Option(help: "The CRM id of the contact to write the test record on (required without FILE).")
        var contact: String?

        @Option(help: "With FILE: the file's inputs as a JSON object (default: CALLSCRIBE_CONNECTOR_INPUTS).")
        var inputs: String?

        @Flag(help: "Print JSON.")
        var json = false

        func validate() throws {
            if self.file == nil, self.contact == nil { throw ValidationError("--contact is required without a connector file") }
            if self.file != nil, self.phone == nil { throw ValidationError("--phone is required with a connector file") }
        }

        func run() async throws {
            if let file = self.file, let phone = self.phone {
                try await ConnectorFileCommand(path: file, json: self.json).test(phone: phone, contact: self.contact, inputs: self.inputs, config: self.config)
                return
            }
            let contact = self.contact ?? ""
            try await ConnectionCheckCommand(config: self.config, json: self.json).run { try await $0.testConnections(contact: contact) }
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
