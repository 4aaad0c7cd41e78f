import ArgumentParser
import Foundation
import Logging
import ScribeApp
import ScribeCore

/// The CRM's custom fields from the command line: the CRM connection is opened with the serve
/// settings (its credential needs the same secret key), on the ledger the command was given.
struct CustomFieldAccess {
    let ledger: LedgerOptions
    let config: String?

    /// Runs `body` with a Callscribe on this ledger, whose connections can be opened.
    func withCallscribe<Result: Sendable>(_ body: @Sendable (Callscribe) async throws -> Result) async throws -> Result {
        var configuration = try CommandSettings.configuration(configFile: self.config)
        configuration.databasePath = self.ledger.path(settings: try CommandSettings.source(configFile: self.config))
        let logger = CommandLogging.bootstrap(level: max(configuration.logLevel, .warning))
        let settings = configuration
        return try await OutboundHTTP.withClient { client in
            try await body(try Callscribe(configuration: settings, httpClient: client, logger: logger))
        }
    }

    /// `key=value` options as a dictionary; a malformed or repeated one is a usage error naming it.
    static func values(_ options: [String]) throws -> [String: String] {
        var values: [String: String] = [:]
        for option in options {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                throw ValidationError("--field '\(option)': give it as key=value, e.g. --field Outcome__c=Interested")
            }
            let key = String(option[..<equals])
            guard values[key] == nil else { throw ValidationError("--field \(key) is given twice") }
            values[key] = String(option[option.index(after: equals)...])
        }
        return values
    }
}
