import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// People's settings and the admin's mandates over the API, and their effect on logging.
@Suite("Settings over the API")
struct SettingsAPITests {
    static let agent = DemoPeople.agentEmail(extensionNumber: "101")

    struct View: Decodable {
        struct Values: Decodable {
            var mode: String?
            var timeZone: String?
            var autoLog: Bool?
        }
        var inForce: Values
        var locked: [String]
        var serverLogging: Bool
    }

    @Test("a person's choices are kept; a bad value is refused naming the field and nothing is saved")
    func personalChoices() async throws {
        try await StackHarness.withStack { stack in
            let saved = try await StackHarness.send(.PUT, stack, "/api/settings", json: #"{"mode":"all_at_once","timeZone":"Europe/London"}"#, as: Self.agent)
            #expect(saved.status == 200)
            let bad = try await StackHarness.send(.PUT, stack, "/api/settings", json: #"{"mode":"incremental","timeZone":"Mars/Olympus"}"#, as: Self.agent)
            #expect(bad.status == 400 && bad.body.contains(#""field":"timeZone""#))
            let badMode = try await StackHarness.send(.PUT, stack, "/api/settings", json: #"{"mode":"sometimes"}"#, as: Self.agent)
            #expect(badMode.status == 400 && badMode.body.contains(#""field":"mode""#))
            let misspelt = try await StackHarness.send(.PUT, stack, "/api/settings", json: #"{"timezone":"UTC"}"#, as: Self.agent)
            #expect(misspelt.status == 400 && misspelt.body.contains(#""field":"timezone""#))
            let view = try JSONDecoder().decode(View.self, from: Data(try await StackHarness.send(.GET, stack, "/api/settings", as: Self.agent).body.utf8))
            #expect(view.inForce.mode == "all_at_once" && view.inForce.timeZone == "Europe/London", "the refused changes saved nothing")
        }
    }

    @Test("an admin's lock overrides the person's choice and refuses their change with 403 naming the setting")
    func mandates() async throws {
        try await StackHarness.withStack { stack in
            #expect(try await StackHarness.send(.PUT, stack, "/api/settings", json: #"{"mode":"incremental"}"#, as: Self.agent).status == 200)
            let policy = #"{"serverLogging":true,"defaults":{"mode":"all_at_once"},"locked":["mode"],"blockedNumbers":["(650) 555-0199"]}"#
            let saved = try await StackHarness.send(.PUT, stack, "/api/admin/settings", json: policy)
            #expect(saved.status == 200 && saved.body.contains("+16505550199"), "blocked numbers are stored in E.164")
            let view = try JSONDecoder().decode(View.self, from: Data(try await StackHarness.send(.GET, stack, "/api/settings", as: Self.agent).body.utf8))
            #expect(view.inForce.mode == "all_at_once" && view.locked == ["mode"])
            let refused = try await StackHarness.send(.PUT, stack, "/api/settings", json: #"{"mode":"incremental"}"#, as: Self.agent)
            #expect(refused.status == 403 && refused.body.contains("setting_locked") && refused.body.contains(#""field":"mode""#))
            let unchanged = try await StackHarness.send(.PUT, stack, "/api/settings", json: #"{"mode":"all_at_once","autoLog":true}"#, as: Self.agent)
            #expect(unchanged.status == 200, "sending the locked value back is fine")
            let badPolicy = try await StackHarness.send(.PUT, stack, "/api/admin/settings", json: #"{"blockedNumbers":["not a number"]}"#)
            #expect(badPolicy.status == 400 && badPolicy.body.contains("blockedNumbers"))
        }
    }

    @Test("with server-side logging off, calls wait unlogged for a person, who can still log them by hand")
    func serverLoggingOff() async throws {
        try await StackHarness.withStack { stack in
            #expect(try await StackHarness.send(.PUT, stack, "/api/admin/settings", json: #"{"serverLogging":false}"#).status == 200)
            let calls = StackHarness.endedCalls(6, stack: stack, seed: 13)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            let counts = try await StackHarness.settledCounts(stack, expected: calls.count)
            #expect(counts["logged", default: 0] == 0)
            let logs = try await stack.callscribe.store.callLogs(CallLogQuery(limit: 100))
            #expect(logs.allSatisfy { $0.state == .skipped(.autoLogOff) })
            #expect(stack.crm.calls.isEmpty)
            let known = try #require(logs.first { log in stack.company.customers.contains { $0.phoneNumber == (log.leg.direction == .inbound ? log.leg.from.phoneNumber : log.leg.to.phoneNumber) } })
            #expect(try await StackHarness.send(.POST, stack, "/api/logs/\(known.id)/log", json: #"{"notes":"Logged by hand"}"#).status == 202)
            try await StackHarness.eventually("the hand-logged call reaches the CRM") { stack.crm.calls.count == 1 }
        }
    }
}
