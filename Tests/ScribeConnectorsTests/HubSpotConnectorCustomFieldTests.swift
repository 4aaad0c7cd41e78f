import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("HubSpotConnector custom fields", .sharedHTTPClient)
struct HubSpotConnectorCustomFieldTests {
    static let contact = Contact(id: "1001", name: "First Customer")

    @Test("reads the call properties and keeps the account's own text, number and single-choice ones, by label")
    func readsCatalogue() async throws {
        try await HubSpotHarness.run { harness in
            let fields = try await harness.connector().customFields()

            // Left out: HubSpot's own, our marker, hidden, calculated, read-only, date, checkbox and multi-choice properties.
            #expect(fields == [
                CustomField(key: "call_reason", label: "Call reason", kind: .choice, options: [
                    .init(value: "pricing", label: "Pricing question"), .init(value: "support", label: "Support request"),
                    .init(value: "renewal", label: "Renewal"),
                ]),
                CustomField(key: "call_topic", label: "Call topic", kind: .text),
                CustomField(key: "follow_up_notes", label: "Follow-up notes", kind: .text),
                CustomField(key: "satisfaction_score", label: "Satisfaction score", kind: .number),
            ])
            #expect(harness.sandbox.requestsByOperation == ["properties.list": 1])
        }
    }

    @Test("a create carries the custom values as properties, stored with the call")
    func createStoresValues() async throws {
        try await HubSpotHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.customFields = ["call_reason": "support", "satisfaction_score": "8.5", "call_topic": "Refund"]

            let id = try await harness.connector().createCallRecord(entry)

            let call = try #require(harness.sandbox.call(id: id.rawValue))
            #expect(call.properties["call_reason"] == "support")
            #expect(call.properties["satisfaction_score"] == "8.5")
            #expect(call.properties["call_topic"] == "Refund")
            #expect(call.properties["hs_call_title"] == entry.subject)
            #expect(call.properties["callscribe_log_id"] == "log-0001")
        }
    }

    @Test("an update sets only the custom values given; the others keep theirs")
    func updateChangesOnlyThose() async throws {
        try await HubSpotHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.customFields = ["call_reason": "support", "call_topic": "Refund"]
            let id = try await harness.connector().createCallRecord(entry)

            var revised = entry
            revised.customFields = ["call_reason": "renewal"]
            try await harness.connector().updateCallRecord(id, with: revised)

            let call = try #require(harness.sandbox.call(id: id.rawValue))
            #expect(call.properties["call_reason"] == "renewal")
            #expect(call.properties["call_topic"] == "Refund")
            #expect(call.properties["satisfaction_score"] == nil)
        }
    }

    @Test("without custom values, no custom property is written and the catalogue is not read")
    func noValuesNoChange() async throws {
        try await HubSpotHarness.run { harness in
            let entry = CallLogEntry.fixture(contact: Self.contact)
            let id = try await harness.connector().createCallRecord(entry)
            try await harness.connector().updateCallRecord(id, with: entry)

            let call = try #require(harness.sandbox.call(id: id.rawValue))
            let custom: Set<String> = ["call_reason", "call_topic", "follow_up_notes", "satisfaction_score"]
            #expect(call.properties.keys.allSatisfy { !custom.contains($0) })
            #expect(harness.sandbox.requestCount(for: "properties.list") == 0)
        }
    }

    @Test("an unknown property is HubSpot's PROPERTY_DOESNT_EXIST, a validation failure naming it, and nothing is created")
    func unknownFieldRefused() async throws {
        try await HubSpotHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.customFields = ["mood_score": "3"]

            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(entry) })

            #expect(error.kind == .validationFailed(field: "mood_score"))
            #expect(!error.isRetryable)
            #expect(error.status == 400)
            #expect(error.message.contains("PROPERTY_DOESNT_EXIST"))
            #expect(harness.sandbox.calls.isEmpty)
        }
    }

    @Test("a value that is not an option is HubSpot's INVALID_OPTION naming the property; a hidden option is still a value")
    func badOptionRefused() async throws {
        try await HubSpotHarness.run { harness in
            let id = try await harness.connector().createCallRecord(.fixture(contact: Self.contact))
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.customFields = ["call_reason": "Support request"]

            let error = try #require(await expectConnectorError { try await harness.connector().updateCallRecord(id, with: entry) })

            #expect(error.kind == .validationFailed(field: "call_reason"))
            #expect(error.message.contains("INVALID_OPTION"))
            #expect(harness.sandbox.call(id: id.rawValue)?.properties["call_reason"] == nil)

            entry.customFields = ["call_reason": "legacy"]
            try await harness.connector().updateCallRecord(id, with: entry)
            #expect(harness.sandbox.call(id: id.rawValue)?.properties["call_reason"] == "legacy")
        }
    }

    @Test("a 429 or an outage on the catalogue is retryable")
    func catalogueFailuresRetryable() async throws {
        try await HubSpotHarness.run { harness in
            harness.sandbox.failNext(status: 429, retryAfter: 2)
            let limited = try #require(await expectConnectorError { _ = try await harness.connector().customFields() })
            #expect(limited.kind == .rateLimited(retryAfter: 2))
            #expect(limited.operation == "hubspot.customFields")
            #expect(limited.isRetryable)

            harness.sandbox.outage = true
            let down = try #require(await expectConnectorError { _ = try await harness.connector().customFields() })
            #expect(down.kind == .transient)
            #expect(down.isRetryable)

            harness.sandbox.outage = false
            #expect(try await harness.connector().customFields().count == 4)
        }
    }

    @Test("the sandbox lists every call property in HubSpot's shape, custom ones without hubspotDefined")
    func sandboxPropertyList() async throws {
        try await HubSpotHarness.run { harness in
            let response = try await harness.raw(.GET, "/crm/v3/properties/calls")
            #expect(response.status == 200)
            let results = try #require(try response.jsonObject["results"] as? [[String: Any]])
            let byName = Dictionary(uniqueKeysWithValues: results.map { ($0["name"] as? String ?? "", $0) })

            let status = try #require(byName["hs_call_status"])
            #expect(status["hubspotDefined"] as? Bool == true)
            #expect((status["options"] as? [[String: Any]])?.count == 10)
            let reason = try #require(byName["call_reason"])
            #expect(reason["hubspotDefined"] == nil)
            #expect(reason["type"] as? String == "enumeration")
            #expect(reason["fieldType"] as? String == "select")
            #expect((reason["modificationMetadata"] as? [String: Any])?["readOnlyValue"] as? Bool == false)
            #expect(byName["call_quality_index"]?["calculated"] as? Bool == true)
            #expect(byName["internal_review_notes"]?["hidden"] as? Bool == true)

            let unauthenticated = try await harness.raw(.GET, "/crm/v3/properties/calls", token: nil)
            #expect(unauthenticated.status == 401)
        }
    }

    @Test("the sandbox accepts but does not store a read-only custom property, and checks numbers")
    func sandboxReadOnlyAndNumbers() async throws {
        try await HubSpotHarness.run { harness in
            let id = try await harness.connector().createCallRecord(.fixture(contact: Self.contact))
            let path = "/crm/v3/objects/calls/\(id.rawValue)"

            let readOnly = try await harness.raw(.PATCH, path, json: #"{"properties":{"erp_sync_status":"done","call_quality_index":"9"}}"#)
            #expect(readOnly.status == 200)
            #expect(harness.sandbox.call(id: id.rawValue)?.properties["erp_sync_status"] == nil)
            #expect(harness.sandbox.call(id: id.rawValue)?.properties["call_quality_index"] == nil)

            let notANumber = try await harness.raw(.PATCH, path, json: #"{"properties":{"satisfaction_score":"high"}}"#)
            #expect(notANumber.status == 400)
            let body = try notANumber.jsonObject
            #expect(body["category"] as? String == "VALIDATION_ERROR")
            #expect((body["message"] as? String)?.contains(#""error":"INVALID_INTEGER""#) == true)
            #expect((body["message"] as? String)?.contains(#""name":"satisfaction_score""#) == true)
        }
    }
}
