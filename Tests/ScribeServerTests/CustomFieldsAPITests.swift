import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// Custom fields of the CRM's call records in a manual log, end to end over loopback HTTP against
/// the sandbox HubSpot, whose call properties include an admin's text, number and select fields
/// besides hidden, calculated and read-only ones.
@Suite("Custom fields API", .serialized)
struct CustomFieldsAPITests {
    struct Listing: Decodable {
        struct Field: Decodable { var key: String; var label: String; var kind: String; var options: [Option] }
        struct Option: Decodable, Equatable { var value: String; var label: String }
        var customFields: [Field]
    }

    @Test("the fields are listed; a value that does not fit is a 400 naming it; values that fit are on the HubSpot record")
    func manualLogWithCustomFields() async throws {
        try await StackHarness.withStack(settings: [Setting.autoLog.name: "false"]) { stack in
            let log = try await StackHarness.unloggedCall(stack, count: 3, seed: 13)

            let listed = try await StackHarness.send(.GET, stack, "/api/logs/\(log.id)/fields")
            #expect(listed.status == 200)
            let fields = try JSONDecoder().decode(Listing.self, from: Data(listed.body.utf8)).customFields
            let keys = Set(fields.map(\.key))
            #expect(keys.isSuperset(of: ["call_topic", "satisfaction_score", "call_reason"]))
            #expect(keys.isDisjoint(with: ["callscribe_log_id", "internal_review_notes", "call_quality_index", "erp_sync_status", "hs_call_title"]))
            let reason = try #require(fields.first { $0.key == "call_reason" })
            #expect(reason.kind == "choice")
            #expect(reason.options.map(\.value) == ["pricing", "support", "renewal"], "the hidden option is not offered")

            let bad = try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: #"{"contactId": "1001", "customFields": {"satisfaction_score": "great"}}"#)
            #expect(bad.status == 400)
            #expect(bad.body.contains("\"field\":\"customFields.satisfaction_score\""))
            let unknown = try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: #"{"contactId": "1001", "customFields": {"erp_sync_status": "done"}}"#)
            #expect(unknown.status == 400)
            #expect(unknown.body.contains("customFields.erp_sync_status"))
            #expect(try await stack.callscribe.store.callLog(log.id)?.request == nil, "nothing stored for a refused request")

            let good = #"{"contactId": "1001", "customFields": {"call_topic": "Renewal <terms>", "satisfaction_score": "4", "call_reason": "Renewal"}}"#
            #expect(try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: good).status == 202)
            try await StackHarness.eventually("the manual log is written") {
                try await stack.callscribe.store.callLog(log.id)?.state == .logged
            }
            let record = try #require(try await stack.callscribe.store.callLog(log.id)?.crmRecordID)
            let call = try #require(stack.crm.call(id: record.rawValue))
            #expect(call.properties["call_topic"] == "Renewal <terms>")
            #expect(call.properties["satisfaction_score"] == "4")
            #expect(call.properties["call_reason"] == "renewal")

            #expect(try await StackHarness.send(.GET, stack, "/api/logs/no-such-log/fields").status == 404)
        }
    }
}
