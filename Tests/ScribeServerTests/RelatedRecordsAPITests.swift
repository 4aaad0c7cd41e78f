import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// A manual log attached to one of the contact's open deals, end to end over loopback HTTP against
/// the sandbox HubSpot (whose first contact, 1001, has two open deals and a closed one).
@Suite("Related records API", .serialized)
struct RelatedRecordsAPITests {
    struct Listing: Decodable {
        struct Record: Decodable, Equatable { var id: String; var kind: String; var name: String }
        var relatedRecords: [Record]
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable { var code: String; var field: String? }
        var error: Detail
    }

    @Test("no deals before a contact is known; a manual log with a deal associates the record; the deal then cannot change")
    func manualLogWithDeal() async throws {
        try await StackHarness.withStack(settings: [Setting.autoLog.name: "false"]) { stack in
            let calls = StackHarness.endedCalls(4, stack: stack, seed: 13)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            let logs = try await stack.callscribe.store.callLogs(CallLogQuery(filter: .skipped))
            #expect(logs.count >= 2, "auto-log off leaves every call for a person")
            let log = try #require(logs.first)

            let before = try await StackHarness.send(.GET, stack, "/api/logs/\(log.id)/related")
            #expect(before.status == 200)
            #expect(try JSONDecoder().decode(Listing.self, from: Data(before.body.utf8)).relatedRecords.isEmpty)
            let stranger = try await StackHarness.send(.GET, stack, "/api/logs/\(log.id)/related?contactId=1001")
            #expect(stranger.status == 400, "only the call's own contacts: the endpoint is no way to browse the CRM")

            let unknown = try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: #"{"contactId": "1001", "relatedRecordId": "9000000003"}"#)
            #expect(unknown.status == 400, "a closed deal is not offered")
            #expect(try JSONDecoder().decode(ErrorBody.self, from: Data(unknown.body.utf8)).error.field == "relatedRecordId")

            let logged = try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: #"{"contactId": "1001", "relatedRecordId": "9000000002"}"#)
            #expect(logged.status == 202)
            try await StackHarness.eventually("the manual log is written") {
                try await stack.callscribe.store.callLog(log.id)?.state == .logged
            }
            let record = try #require(try await stack.callscribe.store.callLog(log.id)?.crmRecordID)
            let call = try #require(stack.crm.call(id: record.rawValue))
            #expect(call.contactIDs == ["1001"])
            #expect(call.dealIDs == ["9000000002"])

            let after = try await StackHarness.send(.GET, stack, "/api/logs/\(log.id)/related")
            #expect(try JSONDecoder().decode(Listing.self, from: Data(after.body.utf8)).relatedRecords == [
                .init(id: "9000000001", kind: "deal", name: "Annual renewal"), .init(id: "9000000002", kind: "deal", name: "Upgrade to Premium"),
            ])
            let change = try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: #"{"relatedRecordId": "9000000001"}"#)
            #expect(change.status == 409)
            #expect(change.body.contains("already exists"))
            #expect(stack.crm.calls.filter { $0.properties["callscribe_log_id"] == log.id.rawValue }.count == 1)

            #expect(try await StackHarness.send(.GET, stack, "/api/logs/no-such-log/related").status == 404)
        }
    }

    @Test("the log form has the deal picker with \"No deal\", inside form#log-form")
    func formHasDealPicker() async throws {
        try await StackHarness.withStack(settings: [Setting.autoLog.name: "false"]) { stack in
            let calls = StackHarness.endedCalls(2, stack: stack, seed: 13)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            let log = try #require(try await stack.callscribe.store.callLogs(CallLogQuery(limit: 10)).first)
            let browser = try await BrowserSession.signIn(stack.callscribeURL, email: "admin@callscribe.test")
            let page = try await browser.send(.GET, "/calls/\(log.id)").body
            let form = try #require(page.components(separatedBy: "<form id=\"log-form\"").dropFirst().first?.components(separatedBy: "</form>").first)
            #expect(form.contains("<select name=\"relatedRecordId\"><option value=\"\" selected>No deal</option></select>"))
            let script = try await browser.send(.GET, "/assets/app.js").body
            #expect(script.contains("'/related'") && script.contains("body.relatedRecordId"))
        }
    }
}
