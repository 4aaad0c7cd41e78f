import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

/// The sandbox's `/v1/callLogs` refuses what Pipedrive's schema refuses, with Pipedrive's error body.
@Suite("Pipedrive sandbox call logs", .sharedHTTPClient)
struct PipedriveCallLogSandboxTests {
    static let valid = #""outcome":"connected","to_phone_number":"+16505550100","start_time":"2025-03-04 09:15:00","end_time":"2025-03-04 09:16:00""#

    @Test("a request Pipedrive refuses answers 400 naming the field", arguments: [
        (#"{"to_phone_number":"+1","start_time":"2025-03-04 09:15:00","end_time":"2025-03-04 09:16:00"}"#, "outcome"),
        (#"{"outcome":"voicemail","to_phone_number":"+1","start_time":"2025-03-04 09:15:00","end_time":"2025-03-04 09:16:00"}"#, "outcome"),
        (#"{"outcome":"busy","start_time":"2025-03-04 09:15:00","end_time":"2025-03-04 09:16:00"}"#, "to_phone_number"),
        (#"{"outcome":"busy","to_phone_number":"+1","start_time":"2025-03-04T09:15:00Z","end_time":"2025-03-04 09:16:00"}"#, "start_time"),
        (#"{"outcome":"busy","to_phone_number":"+1","start_time":"2025-03-04 09:15:00","end_time":"2025-03-04 09:14:00"}"#, "end_time"),
        (#"{"outcome":"busy","to_phone_number":"+1","start_time":"2025-03-04 09:15:00","end_time":"2025-03-04 09:16:00","duration":"1:00"}"#, "duration"),
        (#"{"outcome":"busy","to_phone_number":"+1","start_time":"2025-03-04 09:15:00","end_time":"2025-03-04 09:16:00","result":"x"}"#, "result"),
    ])
    func refusesInvalid(body: String, field: String) async throws {
        try await PipedriveHarness.run { harness in
            let response = try await harness.raw(.POST, "/api/v1/callLogs", json: body)
            #expect(response.status == 400)
            let json = try response.jsonObject
            #expect(json["success"] as? Bool == false)
            #expect((json["error"] as? String)?.contains(field) == true, "\(json)")
            #expect(harness.sandbox.callLogs.isEmpty)
        }
    }

    @Test("only a call activity becomes a call log; an unknown one is 404; a second call log of one activity is 409")
    func conversionRules() async throws {
        try await PipedriveHarness.run { harness in
            let meeting = try await harness.raw(.POST, "/api/v2/activities", json: #"{"subject":"Lunch","type":"meeting"}"#)
            #expect(meeting.status == 200)
            let notCall = try await harness.raw(.POST, "/api/v1/callLogs", json: "{\"activity_id\":5001,\(Self.valid)}")
            #expect(notCall.status == 400)
            #expect((try notCall.jsonObject["error"] as? String)?.contains("call type") == true)

            let unknown = try await harness.raw(.POST, "/api/v1/callLogs", json: "{\"activity_id\":9999,\(Self.valid)}")
            #expect(unknown.status == 404)

            _ = try await harness.raw(.POST, "/api/v2/activities", json: #"{"subject":"Call","type":"call"}"#)
            let first = try await harness.raw(.POST, "/api/v1/callLogs", json: "{\"activity_id\":5002,\(Self.valid)}")
            #expect(first.status == 200)
            let second = try await harness.raw(.POST, "/api/v1/callLogs", json: "{\"activity_id\":5002,\(Self.valid)}")
            #expect(second.status == 409)
            #expect(try second.jsonObject["success"] as? Bool == false)
            #expect(harness.sandbox.callLogs.count == 1)
        }
    }

    @Test("the user's call logs page 50 at most with v1 pagination; a deleted one is gone and its activity stays")
    func listAndDelete() async throws {
        try await PipedriveHarness.run { harness in
            for _ in 0..<3 {
                let made = try await harness.raw(.POST, "/api/v1/callLogs", json: "{\"person_id\":1003,\(Self.valid)}")
                #expect(made.status == 200)
            }
            let page = try await harness.raw(.GET, "/api/v1/callLogs?start=0&limit=2")
            let json = try page.jsonObject
            #expect((json["data"] as? [[String: Any]])?.count == 2)
            let pagination = try #require((json["additional_data"] as? [String: Any])?["pagination"] as? [String: Any])
            #expect(pagination["more_items_in_collection"] as? Bool == true)
            #expect(pagination["next_start"] as? Int == 2)
            let tooMany = try await harness.raw(.GET, "/api/v1/callLogs?limit=51")
            #expect(tooMany.status == 400)

            let id = try #require(harness.sandbox.callLogs.first?.id)
            let activityID = try #require(harness.sandbox.callLogs.first?.activityID)
            let deleted = try await harness.raw(.DELETE, "/api/v1/callLogs/\(id)")
            #expect(deleted.status == 200)
            #expect(try deleted.jsonObject["success"] as? Bool == true)
            #expect(try await harness.raw(.GET, "/api/v1/callLogs/\(id)").status == 404)
            #expect(harness.sandbox.callLogs.count == 2)
            #expect(harness.sandbox.activity(id: activityID) != nil)
            #expect(harness.sandbox.activity(id: activityID)?.callLogID == nil)
        }
    }
}
