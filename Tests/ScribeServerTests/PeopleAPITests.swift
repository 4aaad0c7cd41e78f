import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The API people use on their calls, end to end over loopback HTTP against the sandbox HubSpot.
@Suite("People's API: notes, manual log, retry", .serialized)
struct PeopleAPITests {
    struct ErrorBody: Decodable {
        struct Detail: Decodable { var code: String; var field: String? }
        var error: Detail
    }

    @Test("a skipped unknown caller logged by hand with a new contact and notes gets one record; later notes update it")
    func manualLogThenNotes() async throws {
        try await StackHarness.withStack { stack in
            let calls = StackHarness.endedCalls(12, stack: stack, seed: 13)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            let skipped = try await stack.callscribe.store.callLogs(CallLogQuery(filter: .skipped))
            let log = try #require(skipped.first { $0.state == .skipped(.unknownContact) }, "the seed has an unknown caller")

            let logged = try await StackHarness.send(
                .POST, stack, "/api/logs/\(log.id)/log", json: #"{"newContactName": "Pat Stranger", "notes": "Asked for a quote <b>today</b>"}"#
            )
            #expect(logged.status == 202)
            try await StackHarness.eventually("the manual log is written") {
                try await stack.callscribe.store.callLog(log.id)?.state == .logged
            }
            let record = try #require(try await stack.callscribe.store.callLog(log.id)?.crmRecordID)
            #expect(stack.crm.contacts.filter { $0.name == "Pat Stranger" }.count == 1)
            let body = try #require(stack.crm.call(id: record.rawValue)?.properties["hs_call_body"])
            #expect(body.contains("Asked for a quote &lt;b&gt;today&lt;/b&gt;"))

            let notes = try await StackHarness.send(
                .PUT, stack, "/api/calls/\(log.key.sessionID)/extensions/\(log.key.extensionID)/notes",
                json: #"{"text": "Quote sent.", "final": true}"#
            )
            #expect(notes.status == 200)
            #expect(notes.body.contains(log.id.rawValue))
            try await StackHarness.eventually("the record gains the new notes") {
                stack.crm.call(id: record.rawValue)?.properties["hs_call_body"]?.contains("Quote sent.") == true
            }
            let markers = stack.crm.calls.compactMap { $0.properties["callscribe_log_id"] }.filter { $0 == log.id.rawValue }
            #expect(markers.count == 1, "updated in place, never a second record")

            let detail = try await StackHarness.send(.GET, stack, "/api/logs/\(log.id)")
            #expect(detail.status == 200)
            #expect(detail.body.contains("Created contact Pat Stranger"))
        }
    }

    @Test("bad requests are refused with a JSON error naming the field, and change nothing")
    func badInput() async throws {
        try await StackHarness.withStack { stack in
            let calls = StackHarness.endedCalls(3, stack: stack, seed: 13)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            let log = try #require(try await stack.callscribe.store.callLogs(CallLogQuery()).first)
            let before = stack.crm.requestCount

            let both = try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: #"{"contactId": "1", "newContactName": "X"}"#)
            #expect(both.status == 400)
            #expect(try JSONDecoder().decode(ErrorBody.self, from: Data(both.body.utf8)).error.field == "newContactName")

            let noText = try await StackHarness.send(.PUT, stack, "/api/calls/\(log.key.sessionID)/extensions/\(log.key.extensionID)/notes", json: #"{"final": true}"#)
            #expect(noText.status == 400)
            #expect(try JSONDecoder().decode(ErrorBody.self, from: Data(noText.body.utf8)).error.field == "text")

            let notJSON = try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: "notes=hi")
            #expect(notJSON.status == 400)
            #expect(try JSONDecoder().decode(ErrorBody.self, from: Data(notJSON.body.utf8)).error.code == "invalid_json")

            let unknown = try await StackHarness.send(.POST, stack, "/api/logs/no-such-log/retry")
            #expect(unknown.status == 404)
            #expect(try JSONDecoder().decode(ErrorBody.self, from: Data(unknown.body.utf8)).error.code == "not_found")

            #expect(try await stack.callscribe.store.callLog(log.id)?.request == nil, "no request was stored")
            #expect(try await stack.callscribe.store.content(session: log.key.sessionID, extension: log.key.extensionID) == CallLogContent(), "no input was stored")
            #expect(stack.crm.requestCount == before)
        }
    }
}
