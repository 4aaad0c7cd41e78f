import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The admin's coverage report and backfill over the API.
@Suite("Coverage and backfill over the API")
struct CoverageAPITests {
    struct Status: Decodable {
        var state: String
        var fraction: Double
        var message: String
    }

    struct Report: Decodable {
        struct Counts: Decodable {
            var total: Int
            var logged: Int
            var skipped: Int
        }
        var totals: Counts
    }

    @Test("a backfill started over the API finds calls no webhook told of, logs them, and the coverage report counts them")
    func backfillThenCoverage() async throws {
        try await StackHarness.withStack { stack in
            // Placed in the phone system's call log, never delivered by webhook.
            let calls = StackHarness.endedCalls(6, stack: stack, seed: 13)
            for call in calls { try stack.phone.place(call) }
            let today = UTCDay(containing: Date()).description
            let idle = try JSONDecoder().decode(Status.self, from: Data(try await StackHarness.send(.GET, stack, "/api/backfill").body.utf8))
            #expect(idle.state == "idle")
            let started = try await StackHarness.send(.POST, stack, "/api/backfill", json: #"{"since":"\#(today)"}"#)
            #expect(started.status == 202 && started.body.contains("running"))
            try await StackHarness.eventually("the backfill finishes") {
                let status = try JSONDecoder().decode(Status.self, from: Data(try await StackHarness.send(.GET, stack, "/api/backfill").body.utf8))
                return status.state == "done"
            }
            let counts = try await StackHarness.settledCounts(stack, expected: calls.count)
            let report = try JSONDecoder().decode(
                Report.self, from: Data(try await StackHarness.send(.GET, stack, "/api/coverage?since=\(today)&until=\(today)").body.utf8)
            )
            #expect(report.totals.total == calls.count)
            #expect(report.totals.logged == counts["logged", default: 0] && report.totals.skipped == counts["skipped", default: 0])
        }
    }

    @Test("bad dates and a backfill starting in the future are refused naming the field")
    func badInput() async throws {
        try await StackHarness.withStack { stack in
            let badDay = try await StackHarness.send(.GET, stack, "/api/coverage?since=yesterday")
            #expect(badDay.status == 400 && badDay.body.contains(#""field":"since""#))
            let reversed = try await StackHarness.send(.GET, stack, "/api/coverage?since=2026-11-20&until=2026-11-01")
            #expect(reversed.status == 400 && reversed.body.contains(#""field":"until""#))
            let future = try await StackHarness.send(.POST, stack, "/api/backfill", json: #"{"since":"2999-01-01"}"#)
            #expect(future.status == 400 && future.body.contains(#""field":"since""#))
            let missing = try await StackHarness.send(.POST, stack, "/api/backfill", json: "{}")
            #expect(missing.status == 400 && missing.body.contains(#""field":"since""#))
        }
    }
}
