import ArgumentParser
import ScribeApp
import ScribeCore

extension CallsCommand {
    /// `callscribe calls fields ID`: the custom fields `calls log --field` can set on that call's record.
    struct Fields: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fields",
            abstract: "List the custom fields of the CRM a call is logged to, for `calls log --field key=value`.",
            discussion: "The CRM connection is opened with the serve settings, so run it where `callscribe serve` runs."
        )

        @OptionGroup var ledger: LedgerOptions

        @Option(help: "A JSON settings file, as for serve.")
        var config: String?

        @Argument(help: "The call-log id.")
        var id: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let id = CallLogID(self.id)
            let fields: [CustomField]
            do {
                fields = try await CustomFieldAccess(ledger: self.ledger, config: self.config).withCallscribe { callscribe in
                    try await callscribe.customFields(id, for: .console)
                }
            } catch let error as PeopleError {
                throw CommandFailure(error.description)
            } catch let error as ConnectorError {
                throw CommandFailure("the CRM did not list its fields: \(error.description)")
            }
            if self.json {
                try JSONOutput.print(fields)
                return
            }
            guard !fields.isEmpty else {
                print("The CRM's call records have no custom fields that can be set.")
                return
            }
            for field in fields {
                let options = field.options.isEmpty ? "" : ": " + field.options.map { $0.value == $0.label ? $0.value : "\($0.value) (\($0.label))" }.joined(separator: ", ")
                print("\(field.key)  \(field.label)  [\(field.kind.rawValue)]\(options)")
            }
        }
    }
}
