import ArgumentParser
import ScribeApp
import ScribeCore

extension CallsCommand {
    /// `callscribe calls log ID`: a person logs a call by hand.
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Log a call by hand, with notes, subject, disposition and the contact to log it against.",
            discussion: """
                The request is stored in the ledger and the log's write queued; the running server (`callscribe serve`) \
                carries it out. A call already in the CRM has its record updated, never a second one made; in all-at-once \
                mode records are never edited, so that is refused.
                """
        )

        @OptionGroup var ledger: LedgerOptions

        @Option(help: "A JSON settings file, as for serve: read for CALLSCRIBE_LOGGING_MODE and the ledger's location.")
        var config: String?

        @Argument(help: "The call-log id (`callscribe calls list --json` or `calls show` gives it).")
        var id: String

        @Option(help: "The notes to log with the call.")
        var notes: String?

        @Option(help: "The record's subject (one line).")
        var subject: String?

        @Option(help: "The CRM id of an existing contact to log the call against.")
        var contact: String?

        @Option(help: "Create a contact with this name (and the caller's number) and log the call against it.")
        var createContact: String?

        @Option(help: "The call's disposition, e.g. \"Connected\".")
        var disposition: String?

        @Option(help: "The id of one of the contact's open deals (Salesforce: opportunities) to attach the new record to; the CRM refuses an unknown one.")
        var deal: String?

        @Option(
            name: .customLong("field"),
            help: "A custom field of the CRM's call records, as key=value; repeat for several (`callscribe calls fields ID` lists them)."
        )
        var fields: [String] = []

        @Flag(help: "Print JSON.")
        var json = false

        func validate() throws {
            if self.contact != nil, self.createContact != nil { throw ValidationError("give --contact or --create-contact, not both") }
            _ = try CustomFieldAccess.values(self.fields)
        }

        func run() async throws {
            let values = try CustomFieldAccess.values(self.fields)
            let manual = ManualLog(
                notes: self.notes, subject: self.subject, disposition: self.disposition, contactId: self.contact, newContactName: self.createContact,
                relatedRecordId: self.deal, customFields: values.isEmpty ? nil : values
            )
            let command = CallRequestCommand(ledger: self.ledger, config: self.config, json: self.json)
            guard !values.isEmpty else {
                try await command.perform(self.id, verb: "logged by hand") { requests, id in try await requests.logManually(id, manual, by: .console) }
                return
            }
            // Custom values are checked against the CRM's own fields, so the CRM connection is opened.
            try await CustomFieldAccess(ledger: self.ledger, config: self.config).withCallscribe { callscribe in
                try await command.perform(self.id, verb: "logged by hand") { requests, id in
                    try await requests.logManually(id, manual, by: .console, customFields: { log in try await callscribe.customFields(of: log.key.connectionID) })
                }
            }
        }
    }
}
