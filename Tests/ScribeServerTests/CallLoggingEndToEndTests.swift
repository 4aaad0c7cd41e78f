import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing
/// The whole slice over real loopback HTTP: sandbox phone system → webhook → ledger → HubSpot
/// connector → sandbox HubSpot.
@Suite("Calls are logged end to end")
struct CallLoggingEndToEndTests {
    @Test("each call from a known contact becomes exactly one correct CRM record; unknown callers stay unlogged with the reason")
    func logsEachCallOnce() async throws {
        try await StackHarness.withStack { stack in
            let calls = StackHarness.endedCalls(40, stack: stack)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)

            let customers = Dictionary(stack.company.customers.map { ($0.phoneNumber, $0) }) { first, _ in first }
            let known = calls.filter { customers[$0.customerNumber] != nil }
            let strangers = calls.filter { customers[$0.customerNumber] == nil }
            #expect(!known.isEmpty && !strangers.isEmpty, "the seed should give both kinds of caller")

            let records = stack.crm.calls
            #expect(records.count == known.count)
            let markers = records.compactMap { $0.properties["callscribe_log_id"] }
            #expect(Set(markers).count == records.count, "one record per log, no duplicates")

            let logs = try await stack.callscribe.store.callLogs(CallLogQuery(limit: 1000))
            #expect(logs.count == calls.count)
            for call in known {
                let log = try #require(logs.first { $0.key.sessionID.rawValue == call.telephonySessionID })
                #expect(log.state == .logged)
                let record = try #require(records.first { $0.id == log.crmRecordID?.rawValue })
                let matching = stack.crm.contacts.filter { $0.properties["hs_calculated_phone_number"] == call.customerNumber }
                #expect(!matching.isEmpty)
                // One contact per number, except the shared line, where the policy picks one of them.
                #expect(record.contactIDs.count == 1)
                let chosen = try #require(matching.first { $0.id == record.contactIDs.first })
                #expect(log.contact?.id.rawValue == chosen.id)
                #expect(record.properties["hs_call_direction"] == call.direction.uppercased())
                let talk = call.outcome == .answered ? call.talkSeconds : 0
                #expect(abs((Double(record.properties["hs_call_duration"] ?? "") ?? -1) - talk * 1000) < 2)
                #expect(record.properties["hs_call_status"] == (call.outcome == .missed ? "NO_ANSWER" : "COMPLETED"))
                #expect(record.properties["hs_call_title"]?.contains(chosen.name) == true)
            }
            for call in strangers {
                let log = try #require(logs.first { $0.key.sessionID.rawValue == call.telephonySessionID })
                #expect(log.state == .skipped(.unknownContact))
                #expect(log.state.explanation.contains("no CRM contact"))
            }
        }
    }

    @Test("the calls page and the calls API show each call with its log state and the reason")
    func callsPageAndAPI() async throws {
        try await StackHarness.withStack { stack in
            let calls = StackHarness.endedCalls(12, stack: stack, seed: 13)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            let counts = try await StackHarness.settledCounts(stack, expected: calls.count)
            #expect(counts["logged", default: 0] > 0 && counts["skipped", default: 0] > 0, "the seed gives both outcomes")
            let browser = try await BrowserSession.signIn(stack.callscribeURL, email: DemoPeople.adminEmail)
            let page = try await browser.send(.GET, "/")
            #expect(page.status == 200)
            #expect(page.body.components(separatedBy: "data-state=\"logged\"").count - 1 == counts["logged", default: 0])
            #expect(page.body.components(separatedBy: "data-state=\"skipped\"").count - 1 == counts["skipped", default: 0])
            let unlogged = try await StackHarness.send(.GET, stack, "/api/calls?filter=unlogged")
            struct Listing: Decodable {
                struct Entry: Decodable { var state: String; var explanation: String }
                var calls: [Entry]
            }
            let listing = try JSONDecoder().decode(Listing.self, from: Data(unlogged.body.utf8))
            #expect(listing.calls.count == counts["skipped", default: 0])
            #expect(listing.calls.allSatisfy { $0.state == "skipped" && $0.explanation.contains("no CRM contact") })
        }
    }

    @Test("events delivered twice and out of order produce no second record")
    func duplicatesAndDisorderAreHarmless() async throws {
        try await StackHarness.withStack { stack in
            let calls = StackHarness.endedCalls(10, stack: stack, seed: 3).filter { call in
                stack.company.customers.contains { $0.phoneNumber == call.customerNumber }
            }
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            // The same deliveries again: every event is a duplicate.
            for call in calls.reversed() { await stack.phone.deliver(call, realTime: false) }
            try await Task.sleep(for: .milliseconds(500))
            #expect(stack.crm.calls.count == calls.count)
            let counts = try await stack.callscribe.store.callLogCounts()
            #expect(counts["logged"] == calls.count)
        }
    }

    @Test("a CRM outage leaves the log failed with the reason and the next retry; the retry logs it once the CRM is back")
    func retriesAfterOutage() async throws {
        try await StackHarness.withStack { stack in
            let call = try #require(StackHarness.endedCalls(20, stack: stack, seed: 5).first { call in
                stack.company.customers.contains { $0.phoneNumber == call.customerNumber }
            })
            stack.crm.outage = true
            try stack.phone.place(call)
            await stack.phone.deliver(call, realTime: false)
            try await StackHarness.eventually("the log fails") {
                try await stack.callscribe.store.callLogCounts()["failed", default: 0] == 1
            }
            let failed = try #require(try await stack.callscribe.store.callLogs(CallLogQuery(filter: .failed)).first)
            guard case .failed(let reason, let retryAt) = failed.state else {
                Issue.record("expected failed, got \(failed.state)")
                return
            }
            #expect(reason.contains("503"))
            #expect(retryAt != nil)
            #expect(stack.crm.calls.isEmpty)

            stack.crm.outage = false
            try await StackHarness.eventually("the retry logs the call") {
                try await stack.callscribe.store.callLogCounts()["logged", default: 0] == 1
            }
            #expect(stack.crm.calls.count == 1)
        }
    }

    @Test("an unreachable CRM leaves the log failed with the reason and the next retry, within seconds")
    func unreachableCRM() async throws {
        // Nothing listens on port 9 (discard) on loopback here: connections are refused.
        try await StackHarness.withStack(settings: [Setting.hubSpotURL.name: "http://127.0.0.1:9"]) { stack in
            let call = try #require(StackHarness.endedCalls(20, stack: stack, seed: 5).first { call in
                stack.company.customers.contains { $0.phoneNumber == call.customerNumber }
            })
            try stack.phone.place(call)
            await stack.phone.deliver(call, realTime: false)
            try await StackHarness.eventually("the log fails", timeout: .seconds(15)) {
                try await stack.callscribe.store.callLogCounts()["failed", default: 0] == 1
            }
            let failed = try #require(try await stack.callscribe.store.callLogs(CallLogQuery(filter: .failed)).first)
            guard case .failed(let reason, let retryAt) = failed.state else {
                Issue.record("expected failed, got \(failed.state)")
                return
            }
            #expect(reason.contains("hubspot"))
            #expect(try #require(retryAt) > failed.updatedAt)
            #expect(failed.state.explanation.contains("Next attempt at"))
        }
    }

    @Test("calls whose webhooks never arrived are found in the call log and logged once")
    func callLogSyncRepairsMissedWebhooks() async throws {
        try await StackHarness.withStack(settings: [Setting.syncInterval.name: "5"]) { stack in
            let calls = StackHarness.endedCalls(6, stack: stack, seed: 9)
            // Placed, never delivered: only the call log knows about them.
            for call in calls { try stack.phone.place(call) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            let known = calls.filter { call in stack.company.customers.contains { $0.phoneNumber == call.customerNumber } }
            #expect(stack.crm.calls.count == known.count)
            // A later sweep lists the same calls again and changes nothing.
            try await Task.sleep(for: .seconds(6))
            #expect(stack.crm.calls.count == known.count)
        }
    }
}
