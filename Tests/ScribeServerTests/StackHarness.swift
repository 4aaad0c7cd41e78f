import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing
/// Runs a fresh sandbox stack (phone system, a CRM — HubSpot unless told —, Callscribe on loopback
/// ports) in a temporary folder.
enum StackHarness {
    static func withStack<Result: Sendable>(
        crm: SandboxStackCRM.Vendor = .hubspot, settings: [String: String] = [:], body: @Sendable (RunningSandboxStack) async throws -> Result
    ) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callscribe-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = self.options(folder, settings: settings)
        options.crm = crm
        return try await SandboxStack.run(options, logger: self.logger) { stack in
            try await stack.waitUntilSubscribed()
            try await DemoPeople.ensure(stack)
            return try await body(stack)
        }
    }

    /// Runs fresh sandboxes alone, so a test can start and stop Callscribe with
    /// ``SandboxStack/runCallscribe(_:on:body:)`` and the options given to `body`.
    static func withSandboxes<Result: Sendable>(
        settings: [String: String] = [:], crmCreateAnswerDelay: Duration = .zero,
        body: @Sendable (RunningSandboxes, SandboxStackOptions) async throws -> Result
    ) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callscribe-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = self.options(folder, settings: settings)
        options.crmCreateAnswerDelay = crmCreateAnswerDelay
        let configured = options
        return try await SandboxStack.runSandboxes(configured, logger: self.logger) { sandboxes in
            try await body(sandboxes, configured)
        }
    }

    private static func options(_ folder: URL, settings: [String: String]) -> SandboxStackOptions {
        var options = SandboxStackOptions(dataDirectory: folder)
        options.settings = [Setting.syncInterval.name: "86400"].merging(settings) { _, new in new }
        // Real scrypt, at a cost that keeps many sign-ins fast.
        options.passwordHasher = PasswordHasher(costLog2: 4)
        return options
    }

    private static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    /// Calls that have just ended, numbered from `first`.
    static func endedCalls(_ count: Int, first: Int = 1, stack: RunningSandboxStack, seed: UInt64 = 11) -> [ScriptedCall] {
        self.endedCalls(count, first: first, company: stack.company, seed: seed)
    }

    /// Calls of `company` that have just ended, numbered from `first`.
    static func endedCalls(_ count: Int, first: Int = 1, company: SandboxCompany, seed: UInt64 = 11) -> [ScriptedCall] {
        let scripts = CallScripts(company: company, timeScale: 0.01)
        var random = SeededGenerator(seed: seed)
        return (first..<(first + count)).map { scripts.endedCall(number: $0, endingAt: Date(), using: &random) }
    }

    /// Polls until `condition` holds, or fails the test after `timeout`.
    static func eventually(
        _ what: String, timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: @Sendable () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("timed out waiting until \(what)", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    /// Reads `value` until it has stopped changing for `quiet` while nothing is `busy`, and returns it;
    /// after `timeout` the test fails with the last value read. For outcomes a late event may still be
    /// correcting (a grace period and a fold tick after the counts look done).
    static func stable<Value: Equatable & Sendable>(
        _ what: String, quiet: Duration, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation,
        _ read: @Sendable () async throws -> (value: Value, busy: Bool)
    ) async throws -> Value {
        var (last, busy) = try await read()
        var stableSince = ContinuousClock.now
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            let current = try await read()
            if current.value != last || current.busy || busy {
                (last, busy) = current
                stableSince = ContinuousClock.now
            } else if ContinuousClock.now - stableSince >= quiet {
                return last
            }
        }
        Issue.record("\(what) did not settle: \(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Counts of call logs by state, once `expected` logs are settled (logged, skipped or failed for good).
    static func settledCounts(_ stack: RunningSandboxStack, expected: Int, timeout: Duration = .seconds(20)) async throws -> [String: Int] {
        try await self.eventually("\(expected) logs settle", timeout: timeout) {
            let counts = try await stack.callscribe.store.callLogCounts()
            return counts["logged", default: 0] + counts["skipped", default: 0] >= expected
        }
        return try await stack.callscribe.store.callLogCounts()
    }

    /// Places and delivers `count` ended calls, waits until each is settled, and returns the first one
    /// left for a person (every one with auto-log off): the log a manual-log test works on.
    static func unloggedCall(_ stack: RunningSandboxStack, count: Int, seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation) async throws -> CallLog {
        let calls = self.endedCalls(count, stack: stack, seed: seed)
        for call in calls { try stack.phone.place(call) }
        for call in calls { await stack.phone.deliver(call, realTime: false) }
        _ = try await self.settledCounts(stack, expected: calls.count)
        return try #require(try await stack.callscribe.store.callLogs(CallLogQuery(filter: .skipped)).first, sourceLocation: sourceLocation)
    }

    /// Queues `count` ended calls with CRM writing paused, waits past the grace period so that every
    /// write is due at once, and zeroes the CRM's request counters: call `writeGate.resume()` to drain.
    static func queueBacklog(_ stack: RunningSandboxStack, count: Int) async throws -> [ScriptedCall] {
        stack.callscribe.writeGate.pause()
        let calls = self.endedCalls(count, stack: stack)
        for call in calls { try stack.phone.place(call) }
        for call in calls { await stack.phone.deliver(call, realTime: false) }
        try await self.eventually("every call queued") {
            try await stack.callscribe.store.callLogCounts().values.reduce(0, +) == calls.count
        }
        // Past the grace period (300 ms), so every queued write is due when writing resumes.
        try await Task.sleep(for: .milliseconds(400))
        stack.sandboxCRM.anySandbox.resetCounters()
        return calls
    }

    /// POSTs raw bytes to Callscribe's webhook with the given headers.
    static func postWebhook(_ stack: RunningSandboxStack, body: String, headers: [(String, String)]) async throws -> (status: Int, body: String, headers: [(String, String)]) {
        var request = HTTPClientRequest(url: stack.callscribeURL + "/webhooks/ringcentral")
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(Array(body.utf8))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: bytes), response.headers.map { ($0.name, $0.value) })
    }

    /// Sends `json` (or nothing) to one of Callscribe's API routes as the person with `email` (with
    /// a fresh API token of theirs), or with no credentials when `email` is nil.
    static func send(
        _ method: HTTPMethod, _ stack: RunningSandboxStack, _ path: String, json: String? = nil, as email: String? = DemoPeople.adminEmail,
        headers: [(String, String)] = []
    ) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: stack.callscribeURL + path)
        request.method = method
        if let email {
            let user = try #require(try await stack.callscribe.people.credentials(email: email)?.user, "no demo user \(email)")
            let token = try await stack.callscribe.issueAPIToken(for: user, name: "test").token
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Array(json.utf8))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 4 << 20)))
    }
}
