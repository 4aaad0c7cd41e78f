import Foundation
import NIOCore
import NIOHTTP1
@testable import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("PipedriveConnector custom fields", .sharedHTTPClient)
struct PipedriveConnectorCustomFieldTests {
    static let contact = Contact(id: "1001", name: "First Customer")

    @Test("reads every page of the activity fields and finds no custom ones: Pipedrive's activities have none")
    func readsCatalogue() async throws {
        try await PipedriveHarness.run { harness in
            let fields = try await harness.connector().customFields()

            // Subject (varchar), note (text) and priority (enum) are of kinds the engine offers, but Pipedrive's own.
            #expect(fields.isEmpty)
            #expect(harness.sandbox.requestsByOperation == ["activityFields.list": 1])
        }
    }

    @Test("custom text, number and single-option fields map to kinds, a choice's values being option ids; other kinds and Pipedrive's own are left out")
    func mapsCustomFields() throws {
        let json = #"""
            [
              {"field_code":"subject","field_name":"Subject","field_type":"varchar","is_custom_field":false,"options":null},
              {"field_code":"a1b2c3","field_name":"Topic","field_type":"varchar","is_custom_field":true,"options":null},
              {"field_code":"d4e5f6","field_name":"Notes","field_type":"text","is_custom_field":true},
              {"field_code":"0a1b2c","field_name":"Score","field_type":"double","is_custom_field":true},
              {"field_code":"3d4e5f","field_name":"Budget","field_type":"monetary","is_custom_field":true},
              {"field_code":"6a7b8c","field_name":"Reason","field_type":"enum","is_custom_field":true,"options":[{"id":31,"label":"Pricing"},{"id":32,"label":"Support"}]},
              {"field_code":"9d0e1f","field_name":"Tags","field_type":"set","is_custom_field":true,"options":[{"id":40,"label":"VIP"}]},
              {"field_code":"2a3b4c","field_name":"Callback","field_type":"date","is_custom_field":true}
            ]
            """#
        let fields = try JSONDecoder().decode([PipedriveActivityField].self, from: Data(json.utf8)).compactMap(\.customField)
        #expect(fields == [
            CustomField(key: "a1b2c3", label: "Topic", kind: .text),
            CustomField(key: "d4e5f6", label: "Notes", kind: .text),
            CustomField(key: "0a1b2c", label: "Score", kind: .number),
            CustomField(key: "3d4e5f", label: "Budget", kind: .number),
            CustomField(key: "6a7b8c", label: "Reason", kind: .choice, options: [.init(value: "31", label: "Pricing"), .init(value: "32", label: "Support")]),
        ])
    }

    @Test("the sandbox pages the activity fields with next_cursor, every one of them Pipedrive's own")
    func sandboxPagesFields() async throws {
        try await PipedriveHarness.run { harness in
            let first = try await harness.raw(.GET, "/api/v2/activityFields?limit=5")
            #expect(first.status == 200)
            let object = try JSONSerialization.jsonObject(with: Data(first.body.readableBytesView)) as? [String: Any]
            #expect((object?["data"] as? [[String: Any]])?.count == 5)
            let cursor = try #require((object?["additional_data"] as? [String: Any])?["next_cursor"] as? String)
            let encoded = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor
            let second = try await harness.raw(.GET, "/api/v2/activityFields?limit=500&cursor=\(encoded)")
            let rest = try JSONSerialization.jsonObject(with: Data(second.body.readableBytesView)) as? [String: Any]
            let fields = try #require(rest?["data"] as? [[String: Any]])
            #expect(fields.allSatisfy { $0["is_custom_field"] as? Bool == false })
            #expect(fields.contains { $0["field_code"] as? String == "priority" && ($0["options"] as? [[String: Any]])?.count == 3 })
            #expect((rest?["additional_data"] as? [String: Any])?["next_cursor"] is NSNull)
        }
    }

    @Test("a create or update carrying custom values is refused naming the field, before anything is sent")
    func writesRefused() async throws {
        try await PipedriveHarness.run { harness in
            let id = try await harness.connector().createCallRecord(.fixture(contact: Self.contact))
            harness.sandbox.resetCounters()
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.customFields = ["f00dfeed": "1", "a1b2c3": "x"]

            let created = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(entry) })
            #expect(created.kind == .validationFailed(field: "a1b2c3"))
            #expect(!created.isRetryable)
            #expect(created.operation == "pipedrive.createCall")
            #expect(created.message.contains("'a1b2c3'"))

            let updated = try #require(await expectConnectorError { try await harness.connector().updateCallRecord(id, with: entry) })
            #expect(updated.kind == .validationFailed(field: "a1b2c3"))
            #expect(updated.operation == "pipedrive.updateCall")

            #expect(harness.sandbox.requestCount == 0)
            #expect(harness.sandbox.activities.count == 1)
        }
    }

    @Test("the sandbox refuses custom fields on an activity, as Pipedrive's activities API takes none")
    func sandboxRefusesCustomFields() async throws {
        try await PipedriveHarness.run { harness in
            let response = try await harness.raw(.POST, "/api/v2/activities", json: #"{"subject":"Call","type":"call","custom_fields":{"a1b2c3":"x"}}"#)
            #expect(response.status == 400)
            let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            #expect(body?["error"] as? String == "Validation failed: custom_fields: unknown field")
            #expect(harness.sandbox.activities.isEmpty)
        }
    }

    @Test("a 429 or an outage on the activity fields is retryable")
    func catalogueFailuresRetryable() async throws {
        try await PipedriveHarness.run { harness in
            harness.sandbox.failNext(status: 429, retryAfter: 2)
            let limited = try #require(await expectConnectorError { _ = try await harness.connector().customFields() })
            #expect(limited.kind == .rateLimited(retryAfter: 2))
            #expect(limited.operation == "pipedrive.customFields")
            #expect(limited.isRetryable)

            harness.sandbox.outage = true
            let down = try #require(await expectConnectorError { _ = try await harness.connector().customFields() })
            #expect(down.kind == .transient)
            #expect(down.isRetryable)

            harness.sandbox.outage = false
            #expect(try await harness.connector().customFields().isEmpty)
        }
    }
}
