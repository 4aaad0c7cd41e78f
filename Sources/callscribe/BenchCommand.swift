import ArgumentParser
import Foundation
import Logging
import ScribeCore
import ScribeDemo

/// `callscribe bench`: logs a burst of sandbox calls as fast as possible and prints the figures.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure end-to-end logging against the sandboxes: throughput, latency, CRM requests per call, memory."
    )

    @Option(help: "How many calls to place.")
    var calls = 1000

    @Option(help: "Calls whose webhooks are being delivered at once.")
    var inFlight = 32

    @Option(help: "incremental or all_at_once.")
    var mode = "incremental"

    @OptionGroup var crm: CRMOption

    @Flag(help: "Queue every call before writing starts, then measure draining the backlog (batch creates on HubSpot).")
    var backlog = false

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard (1...1_000_000).contains(self.calls) else { throw ValidationError("--calls must be from 1 to 1000000") }
        guard (1...1024).contains(self.inFlight) else { throw ValidationError("--in-flight must be from 1 to 1024") }
        guard LoggingMode(rawValue: self.mode) != nil else { throw ValidationError("--mode must be incremental or all_at_once") }
    }

    func run() async throws {
        let logger = CommandLogging.bootstrap(level: .warning)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callscribe-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try await Benchmark.run(
            calls: self.calls, callsInFlight: self.inFlight, mode: LoggingMode(rawValue: self.mode) ?? .incremental,
            crm: self.crm.vendor, backlog: self.backlog, dataDirectory: folder, logger: logger
        )
        if self.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }
}
