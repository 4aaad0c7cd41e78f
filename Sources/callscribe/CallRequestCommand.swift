import ArgumentParser
import Foundation
import ScribeApp
import ScribeCore
import ScribeStore

/// What `calls log` and `calls retry` share: the ledger and the logging mode as `serve` sees them,
/// people's errors as messages naming the option at fault, and the answer.
struct CallRequestCommand {
    let ledger: LedgerOptions
    let config: String?
    let json: Bool

    /// Runs `request` with the rules of ``CallRequests`` and prints what was queued.
    func perform(_ id: String, verb: String, _ request: (CallRequests, CallLogID) async throws -> CallLog) async throws {
        let settings = try CommandSettings.source(configFile: self.config)
        let mode: LoggingMode
        do throws(ConfigurationError) {
            mode = try settings.choice(.loggingMode, as: LoggingMode.self)
        } catch {
            throw CommandSettings.exit(error)
        }
        let store = try self.ledger.open(creating: false, settings: settings)
        let log: CallLog
        do {
            log = try await request(CallRequests(store: store, settings: SettingsBook(server: LoggingSettings(mode: mode), people: store)), CallLogID(id))
        } catch let error as PeopleError {
            throw try await self.explain(error, id: id, store: store)
        }
        let summary = CallLogSummary(log)
        if self.json {
            try JSONOutput.print(summary)
            return
        }
        print(
            """
            Log \(summary.id) (call \(summary.sessionId), extension \(summary.extensionId)) is queued to be \(verb); it is \(summary.state) now.
            A running `callscribe serve` carries it out within a second or so; follow it with `callscribe calls show \(summary.id)`.
            """
        )
    }

    /// The person's error in the command line's words: an unknown id hints at a session id given for a log id.
    private func explain(_ error: PeopleError, id: String, store: SQLiteLedgerStore) async throws -> any Error {
        switch error {
        case .logNotFound:
            let logs = try await store.callLogs(session: TelephonySessionID(id))
            guard !logs.isEmpty else { return CommandFailure("no call log with id '\(id)'; `callscribe calls list --json` lists the ids") }
            let ids = logs.map { "\($0.id) (extension \($0.key.extensionID))" }.joined(separator: ", ")
            return CommandFailure("'\(id)' is a call, not a call log; give one of its logs: \(ids)")
        case .invalidField(let field, let problem):
            return CommandFailure("\(Self.option(for: field)): \(problem)")
        case .conflict(let message):
            return CommandFailure("cannot do that: \(message)")
        case .notFound:
            return CommandFailure(error.description)
        }
    }

    /// The option a ``ManualLog`` field is given with.
    static func option(for field: String) -> String {
        switch field {
        case "contactId": "--contact"
        case "newContactName": "--create-contact"
        case "relatedRecordId": "--deal"
        case let field where field.hasPrefix("customFields."): "--field \(field.dropFirst("customFields.".count))"
        case "customFields": "--field"
        default: "--\(field)"
        }
    }
}
