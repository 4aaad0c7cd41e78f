import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("HubSpotConnector creates call records in batches", .sharedHTTPClient)
struct HubSpotConnectorBatchCreateTests {
    static let carmen = Contact(id: "1003", name: "Carmen Dubois")
    static let missing = Contact(id: "9999999", name: "Nobody")

    static func entries(_ count: Int, contact: Contact = Self.carmen) -> [CallLogEntry] {
        (1...count).map { CallLogEntry.fixture(marker: CallLogID(String(format: "log-%04d", $0)), contact: contact) }
    }

    @Test("advertises a batch of 100")
    func advertisesLimit() async throws {
        try await HubSpotHarness.run { harness in
            #expect(harness.connector().capabilities.batchCreateLimit == 100)
        }
    }

    @Test("201: every entry created in one request, each with its own record carrying its marker and contact")
    func allCreated() async throws {
        try await HubSpotHarness.run { harness in
            let entries = Self.entries(3)

            let outcomes = try await harness.connector().createCallRecords(entries)

            #expect(harness.sandbox.requestCount(for: "calls.batchCreate") == 1)
            // Besides the batch, only the portal's dispositions are read (once per connection, then cached).
            #expect(harness.sandbox.requestCount == 2)
            let calls = harness.sandbox.calls
            #expect(calls.count == 3)
            let ids = try outcomes.map { try $0.get() }
            for (entry, id) in zip(entries, ids) {
                let call = try #require(calls.first { $0.id == id.rawValue })
                #expect(call.properties["callscribe_log_id"] == entry.marker.rawValue)
                #expect(call.properties["hs_call_title"] == entry.subject)
                #expect(call.contactIDs == ["1003"])
            }
            #expect(Set(ids).count == 3)
        }
    }

    @Test("201 on the wire: status COMPLETE, results with the properties sent, startedAt and completedAt")
    func wireShape() async throws {
        try await HubSpotHarness.run { harness in
            let json = """
                {"inputs":[{"properties":{"hs_timestamp":"2025-03-04T09:15:00Z","hs_call_title":"t","callscribe_log_id":"log-7"},
                "associations":[{"to":{"id":"1003"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":194}]}]}]}
                """
            let response = try await harness.raw(.POST, "/crm/v3/objects/calls/batch/create", json: json)
            #expect(response.status == 201)
            let body = try response.jsonObject
            #expect(body["status"] as? String == "COMPLETE")
            #expect(body["startedAt"] is String)
            #expect(body["completedAt"] is String)
            #expect(body["errors"] == nil)
            let results = try #require(body["results"] as? [[String: Any]])
            #expect(results.count == 1)
            #expect((results[0]["properties"] as? [String: Any])?["callscribe_log_id"] as? String == "log-7")
        }
    }

    @Test("207: only the refused input fails, named by its objectWriteTraceId; the others are created")
    func partialFailure() async throws {
        try await HubSpotHarness.run { harness in
            var entries = Self.entries(3)
            entries[1] = CallLogEntry.fixture(marker: "log-bad", contact: Self.missing)

            let outcomes = try await harness.connector().createCallRecords(entries)

            #expect(harness.sandbox.requestCount(for: "calls.batchCreate") == 1)
            #expect(harness.sandbox.calls.count == 2)
            #expect(try outcomes[0].get() != outcomes[2].get())
            guard case .failure(let error) = outcomes[1] else {
                Issue.record("the input with a missing contact should have failed")
                return
            }
            #expect(error.kind == .validationFailed(field: nil))
            #expect(error.operation == "hubspot.batchCreateCalls")
            #expect(error.message.contains("9999999"))
            #expect(!error.isRetryable)
        }
    }

    @Test("207 on the wire: errors[] in HubSpot's StandardError shape with the trace id in context, and numErrors")
    func partialFailureWire() async throws {
        try await HubSpotHarness.run { harness in
            let association = #"[{"to":{"id":"%@"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":194}]}]"#
            let json = """
                {"inputs":[
                {"properties":{"hs_timestamp":"2025-03-04T09:15:00Z"},"associations":\(association.replacingOccurrences(of: "%@", with: "1003")),"objectWriteTraceId":"a"},
                {"properties":{"hs_timestamp":"2025-03-04T09:15:00Z"},"associations":\(association.replacingOccurrences(of: "%@", with: "424242")),"objectWriteTraceId":"b"}]}
                """
            let response = try await harness.raw(.POST, "/crm/v3/objects/calls/batch/create", json: json)
            #expect(response.status == 207)
            let body = try response.jsonObject
            #expect(body["numErrors"] as? Int == 1)
            #expect((body["results"] as? [Any])?.count == 1)
            let error = try #require((body["errors"] as? [[String: Any]])?.first)
            #expect(error["status"] as? String == "error")
            #expect(error["category"] as? String == "VALIDATION_ERROR")
            #expect((error["context"] as? [String: [String]])?["objectWriteTraceId"] == ["b"])
        }
    }

    @Test("more than 100 inputs: HubSpot's 400 for the whole batch, nothing created")
    func overLimit() async throws {
        try await HubSpotHarness.run { harness in
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecords(Self.entries(101)) })

            #expect(error.status == 400)
            #expect(error.kind == .validationFailed(field: nil))
            #expect(error.message.contains("The maximum number of inputs supported in a batch request is 100"))
            #expect(harness.sandbox.calls.isEmpty)
        }
    }

    @Test("429: the whole batch is rate limited, with Retry-After, and nothing is created")
    func rateLimited() async throws {
        try await HubSpotHarness.run { harness in
            harness.sandbox.failNext(count: 1, status: 429, retryAfter: 4)

            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecords(Self.entries(5)) })

            #expect(error.kind == .rateLimited(retryAfter: 4))
            #expect(harness.sandbox.calls.isEmpty)
            // The next batch goes through.
            #expect(try await harness.connector().createCallRecords(Self.entries(5)).allSatisfy { (try? $0.get()) != nil })
            #expect(harness.sandbox.calls.count == 5)
        }
    }

    @Test("each created record is found again by its marker")
    func foundByMarker() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            let outcomes = try await connector.createCallRecords(Self.entries(2))
            #expect(try await connector.findCallRecord(marker: "log-0002") == outcomes[1].get())
        }
    }
}
