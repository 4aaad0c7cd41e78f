import AsyncHTTPClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import ScribeApp
import ScribeCore
import ScribeSandbox

/// Figures from one benchmark run.
public struct BenchmarkReport: Sendable, Codable {
    /// The CRM logged into, as `--crm` names it.
    public var crm: String
    public var mode: String
    /// Every call had ended and was queued before writing started (`--backlog`): the figures are the drain's.
    public var backlog: Bool
    public var calls: Int
    public var logged: Int
    public var skipped: Int
    public var failed: Int
    /// From the first hang-up sent to the last log settled.
    public var seconds: Double
    public var callsPerSecond: Double
    /// Hang-up sent by the phone system → call record created in the CRM.
    public var latencyP50Milliseconds: Double
    public var latencyP99Milliseconds: Double
    public var crmRequests: Int
    /// CRM requests by operation, named as the CRM's sandbox names them, e.g. `calls.create` (HubSpot),
    /// `activities.create` (Pipedrive), `task.create` (Salesforce).
    public var crmRequestsByOperation: [String: Int]
    public var crmRequestsPerLoggedCall: Double
    public var webhookDeliveries: Int
    public var peakMemoryMegabytes: Double

    public var text: String {
        """
        CRM                          \(self.crm)
        logging mode                 \(self.mode)\(self.backlog ? ", backlog (all calls queued before writing started)" : "")
        calls placed                 \(self.calls)
        logged / skipped / failed    \(self.logged) / \(self.skipped) / \(self.failed)
        elapsed                      \(String(format: "%.2f", self.seconds)) s\(self.backlog ? " (from writing started)" : "")
        calls settled per second     \(String(format: "%.0f", self.callsPerSecond))
        \(self.latencyLabel("p50"))\(String(format: "%.1f", self.latencyP50Milliseconds)) ms
        \(self.latencyLabel("p99"))\(String(format: "%.1f", self.latencyP99Milliseconds)) ms
        CRM requests (incl. updates) \(self.crmRequests)
        CRM requests per logged call \(String(format: "%.3f", self.crmRequestsPerLoggedCall))
        CRM requests by operation    \(self.crmRequestsByOperation.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        webhook deliveries           \(self.webhookDeliveries)
        peak memory (whole process)  \(String(format: "%.0f", self.peakMemoryMegabytes)) MB
        """
    }

    /// The latency line's label, padded to the column: measured from the hang-up, or in backlog mode
    /// from the moment writing started.
    private func latencyLabel(_ percentile: String) -> String {
        let label = "\(self.backlog ? "writing start" : "hang-up") → CRM record \(percentile)"
        return label.padding(toLength: max(29, label.count + 1), withPad: " ", startingAt: 0)
    }
}

/// Drives the sandbox phone system as fast as it can and measures Callscribe logging the calls.
///
/// Everything runs in one process over loopback HTTP: the sandboxes' own work is included in the
/// elapsed time and the memory figure.
public enum Benchmark {
    /// - Parameter backlog: pause CRM writing while every call is delivered and queued, then resume it and
    ///   measure the drain (throughput and latency from the moment writing started): batch creates at work.
    public static func run(
        calls: Int, callsInFlight: Int, mode: LoggingMode, crm: SandboxStackCRM.Vendor = .hubspot, backlog: Bool = false, dataDirectory: URL,
        logger: Logger
    ) async throws -> BenchmarkReport {
        var options = SandboxStackOptions(dataDirectory: dataDirectory)
        options.crm = crm
        options.settings = [
            Setting.syncInterval.name: "86400",
            Setting.workerConcurrency.name: "64",
            Setting.loggingMode.name: mode.rawValue,
            // Recordings come about a call's length after it; a minute's slack covers the bench's short calls.
            Setting.recordingSlack.name: "60",
        ]
        return try await SandboxStack.run(options, logger: logger) { stack in
            try await stack.waitUntilSubscribed()
            let counters = stack.sandboxCRM.anySandbox
            counters.resetCounters()
            let scripts = CallScripts(company: stack.company, timeScale: 0.02)
            var random = SeededGenerator(seed: 7)
            let now = Date()
            let planned = (1...calls).map { scripts.endedCall(number: $0, endingAt: now, using: &random) }
            for call in planned { try stack.phone.place(call) }
            if backlog { stack.callscribe.writeGate.pause() }
            var started = Date()
            try await withThrowingTaskGroup(of: Void.self) { group in
                var iterator = planned.makeIterator()
                for _ in 0..<min(callsInFlight, planned.count) {
                    if let call = iterator.next() { group.addTask { await stack.phone.deliver(call, realTime: false) } }
                }
                while try await group.next() != nil {
                    if let call = iterator.next() { group.addTask { await stack.phone.deliver(call, realTime: false) } }
                }
            }
            if backlog {
                // Every call folded and its log queued, none written: then writing starts.
                try await Self.waitUntilQueued(stack.callscribe, expected: calls)
                // Past the grace period, so every queued write is due when writing starts.
                try await Task.sleep(for: .seconds(stack.callscribe.configuration.gracePeriod + 0.1))
                started = Date()
                stack.callscribe.writeGate.resume()
            }
            var counts = try await Self.waitUntilSettled(stack.callscribe, expected: calls)
            let finished = Date()
            // Staged updates (recording links) are CRM requests too: count them once the outbox is empty.
            try await Self.waitUntilIdle(stack.callscribe)
            counts = try await stack.callscribe.store.callLogCounts()
            let logs = try await stack.callscribe.store.callLogs(CallLogQuery(filter: .logged, limit: calls + 10))
            let createdByRecord = stack.sandboxCRM.callRecordsCreated
            let hangUps = stack.phone.hangUpsSent
            let latencies = logs.compactMap { log -> Double? in
                guard let record = log.crmRecordID, let created = createdByRecord[record.rawValue], let hangUp = hangUps[log.key.sessionID.rawValue] else { return nil }
                return created.timeIntervalSince(backlog ? started : hangUp) * 1000
            }.sorted()
            let logged = counts["logged", default: 0]
            let elapsed = finished.timeIntervalSince(started)
            return BenchmarkReport(
                crm: crm.rawValue, mode: mode.rawValue, backlog: backlog, calls: calls, logged: logged, skipped: counts["skipped", default: 0], failed: counts["failed", default: 0],
                seconds: elapsed, callsPerSecond: Double(calls) / elapsed,
                latencyP50Milliseconds: Self.percentile(latencies, 0.50), latencyP99Milliseconds: Self.percentile(latencies, 0.99),
                crmRequests: counters.requestCount, crmRequestsByOperation: counters.requestsByOperation,
                crmRequestsPerLoggedCall: logged == 0 ? 0 : Double(counters.requestCount) / Double(logged),
                webhookDeliveries: stack.phone.deliveryCounts.delivered, peakMemoryMegabytes: PeakMemory.megabytes()
            )
        }
    }

    /// Polls until every call has a settled log (logged, skipped or failed).
    static func waitUntilSettled(_ callscribe: Callscribe, expected: Int) async throws -> [String: Int] {
        while true {
            let counts = try await callscribe.store.callLogCounts()
            let settled = counts["logged", default: 0] + counts["skipped", default: 0] + counts["failed", default: 0]
            if settled >= expected { return counts }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Polls until every call has a log (claimed by the fold, its write queued).
    static func waitUntilQueued(_ callscribe: Callscribe, expected: Int) async throws {
        while try await callscribe.store.callLogCounts().values.reduce(0, +) < expected {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Polls until no write is queued any more.
    static func waitUntilIdle(_ callscribe: Callscribe) async throws {
        while try await callscribe.store.nextJobDue() != nil {
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }
}

/// The process's peak resident memory.
enum PeakMemory {
    static func megabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        // Linux reports kilobytes.
        return Double(usage.ru_maxrss) / 1024
    }
}
