import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// Plays scenario files from `scenarios/` on a fresh sandbox stack and reads back what Callscribe
/// made of them: for each call of the scenario and each extension, its log and its CRM record.
enum ScenarioOutcomes {
    /// What one extension's log of one scenario call came to, without ids and times that differ per run.
    struct Outcome: Hashable, CustomStringConvertible {
        /// `<scenario call id>/<extension number>`.
        var key: String
        var state: String
        var skipReason: String?
        var contactName: String?
        var crmStatus: String?
        var crmDirection: String?
        var crmDurationSeconds: Int?
        var title: String?
        /// The body's "Call journey" lines, empty when it has none.
        var journey: [String]

        var description: String { "\(self.key): \(self.state)\(self.skipReason.map { "(\($0))" } ?? "") \(self.crmStatus ?? "-") \(self.crmDurationSeconds ?? -1)s \(self.journey)" }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios", isDirectory: true)

    static func load(_ file: String) throws -> Scenario {
        try Scenario.load(contentsOf: self.folder.appendingPathComponent(file))
    }

    /// Plays `files` (each its own sessions, all ended by now) on a fresh stack, delivered at once
    /// under `delivery`, and returns the outcomes by key once every log has settled.
    /// `graceMilliseconds` is how long after a hang-up a log waits for late events.
    static func play(_ files: [String], delivery: ScenarioDelivery? = nil, graceMilliseconds: Int = 500) async throws -> [String: Outcome] {
        let scenarios = try files.map(Self.load)
        return try await StackHarness.withStack(settings: [Setting.gracePeriod.name: String(graceMilliseconds)]) { stack in
            let start = Date().addingTimeInterval(-300)
            var sessions: [ScenarioSession] = []
            try await self.waitForFirstSweep(stack)
            for scenario in scenarios { sessions += try stack.phone.place(scenario, startingAt: start) }
            await stack.phone.deliver(sessions, delivery: delivery, start: start, realTime: false)
            return try await self.settledOutcomes(stack, sessions: sessions)
        }
    }

    /// The start-up sweep of the call log would import the sessions a second time, under the call log's
    /// party ids: it is let pass first (the webhooks are what is tested here).
    static func waitForFirstSweep(_ stack: RunningSandboxStack) async throws {
        let sweepDeadline = ContinuousClock.now + .seconds(5)
        while try await stack.callscribe.store.cursor("ringcentral.call_log") == nil, ContinuousClock.now < sweepDeadline {
            try await Task.sleep(for: .milliseconds(25))
        }
    }

    /// Waits until no log is still in progress and nothing has changed for a second and a half, then reads the outcomes.
    static func settledOutcomes(_ stack: RunningSandboxStack, sessions: [ScenarioSession]) async throws -> [String: Outcome] {
        try await StackHarness.stable("the scenario's logs", quiet: .milliseconds(1500)) {
            let logs = try await stack.callscribe.store.callLogs(CallLogQuery(limit: 1000))
            let busy = logs.contains { ["observed", "waiting", "creating"].contains($0.state.name) || ($0.state.name == "logged" && $0.crmRecordID == nil) }
            return (self.outcomes(logs, stack: stack, sessions: sessions), busy)
        }
    }

    static func outcomes(_ logs: [CallLog], stack: RunningSandboxStack, sessions: [ScenarioSession]) -> [String: Outcome] {
        let callIDs = Dictionary(sessions.map { ($0.telephonySessionID, $0.callID) }) { first, _ in first }
        let extensions = Dictionary(stack.company.employees.map { ($0.extensionID, $0.extensionNumber) }) { first, _ in first }
        let records = Dictionary(stack.crm.calls.map { ($0.id, $0) }) { first, _ in first }
        var outcomes: [String: Outcome] = [:]
        for log in logs {
            guard let call = callIDs[log.key.sessionID.rawValue] else { continue }
            let key = "\(call)/\(extensions[log.key.extensionID.rawValue] ?? log.key.extensionID.rawValue)"
            let record = log.crmRecordID.flatMap { records[$0.rawValue] }
            var skip: String?
            if case .skipped(let reason) = log.state { skip = reason.rawValue }
            outcomes[key] = Outcome(
                key: key, state: log.state.name, skipReason: skip, contactName: log.contact?.name, crmStatus: record?.properties["hs_call_status"],
                crmDirection: record?.properties["hs_call_direction"],
                crmDurationSeconds: record?.properties["hs_call_duration"].flatMap(Double.init).map { Int(($0 / 1000).rounded()) },
                title: record?.properties["hs_call_title"], journey: self.journey(in: record?.properties["hs_call_body"] ?? "")
            )
        }
        return outcomes
    }

    /// The lines of the HTML body's "Call journey" section.
    static func journey(in body: String) -> [String] {
        guard let start = body.range(of: "<b>Call journey</b>: ") else { return [] }
        let rest = body[start.upperBound...]
        let section = rest[..<(rest.range(of: "</p>")?.lowerBound ?? rest.endIndex)]
        return section.components(separatedBy: "<br>")
    }

    /// The name the sandbox CRM has for customer `index`.
    static func customerName(_ index: Int) -> String {
        let customer = SandboxCompany().customers[index]
        return "\(customer.firstName) \(customer.lastName)"
    }
}
