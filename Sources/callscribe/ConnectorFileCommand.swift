import ArgumentParser
import Foundation
import Logging
import ScribeApp
import ScribeConnectors
import ScribeCore

/// `connectors check FILE` and `connectors test FILE`: a connector file read, checked, and tried.
struct ConnectorFileCommand {
    let path: String
    let json: Bool

    /// What `check --json` prints.
    struct Report: Codable {
        var file: String
        var ok: Bool
        var connector: String?
        var problems: [Problem]
    }

    struct Problem: Codable {
        var line: Int
        var column: Int
        var path: String
        var message: String
    }

    /// Prints the file's summary, or each problem as `FILE:LINE:COLUMN: path: message` on standard error (exit 65).
    func check() throws {
        do {
            let spec = try self.load()
            if self.json {
                try JSONOutput.print(Report(file: self.path, ok: true, connector: spec.name, problems: []))
            } else {
                print("\(self.path): ok: connector \(spec.name) (\(spec.title))")
                print("  operations: \(spec.operationNames.joined(separator: ", "))")
                if let source = spec.customFieldsSource { print("  custom fields: \(source)") }
                if let source = spec.dispositionsSource { print("  dispositions: \(source)") }
                let inputs = spec.inputNames.map { input in
                    input.name + (input.secret ? " (secret)" : "") + (input.defaultValue.map { $0.isEmpty ? "" : " [default: \($0)]" } ?? "")
                }
                print("  inputs: \(inputs.isEmpty ? "none" : inputs.joined(separator: ", "))")
            }
        } catch let error as ConnectorFileError {
            if self.json {
                let problems = error.problems.map { Problem(line: $0.line, column: $0.column, path: $0.path, message: $0.message) }
                try JSONOutput.print(Report(file: self.path, ok: false, connector: nil, problems: problems))
            } else {
                for problem in error.problems {
                    let place = problem.path.isEmpty ? "" : " \(problem.path):"
                    FileHandle.standardError.write(Data("\(self.path):\(problem.line):\(problem.column):\(place) \(problem.message)\n".utf8))
                }
                FileHandle.standardError.write(Data("\(self.path): \(error.problems.count) problem\(error.problems.count == 1 ? "" : "s")\n".utf8))
            }
            throw ExitCode(65)  // EX_DATAERR
        }
    }

    /// Tries the file against its live CRM, printing each step; exits 1 when one fails.
    func test(phone: String, contact: String?, inputs: String?, config: String?) async throws {
        let spec: ConnectorSpec
        do {
            spec = try self.load()
        } catch let error as ConnectorFileError {
            throw CommandFailure("\(error)")
        }
        let source = try CommandSettings.source(configFile: config)
        let values: [String: String]
        let countryCode: String
        do throws(ConfigurationError) {
            values = try ConnectorFileSettings.inputs(inputs ?? source.string(.connectorInputs) ?? "{}")
            countryCode = try source.required(.defaultCountryCode)
        } catch {
            throw CommandSettings.exit(error)
        }
        guard let number = PhoneNumber(parsing: phone, defaultCountryCode: countryCode) else {
            throw CommandFailure("--phone '\(phone)' is not a phone number")
        }
        let logger = CommandLogging.bootstrap(level: .warning)
        let steps = try await OutboundHTTP.withClient { client in
            let trial: ConnectorFileTrial
            do throws(ConnectorError) {
                trial = try ConnectorFileTrial(
                    spec: spec, inputs: values, httpClient: client, now: Effects.live.now, makeID: Effects.live.makeID, logger: logger
                )
            } catch {
                throw CommandFailure(error.description)
            }
            return await trial.run(phone: number, contact: contact)
        }
        if self.json {
            try JSONOutput.print(steps)
        } else {
            for step in steps {
                print("\(step.ok ? "ok  " : "FAIL") \(step.step) in \(step.milliseconds) ms: \(step.detail)")
            }
        }
        if steps.contains(where: { !$0.ok }) { throw ExitCode.failure }
    }

    private func load() throws -> ConnectorSpec {
        try ConnectorSpec.load(contentsOf: self.path)
    }
}
