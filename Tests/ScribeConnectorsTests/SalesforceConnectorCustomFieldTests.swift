import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("SalesforceConnector custom fields", .sharedHTTPClient)
struct SalesforceConnectorCustomFieldTests {
    /// The first seeded contact, for entries.
    static func contact(_ harness: SalesforceHarness) throws -> Contact {
        let person = try #require(harness.sandbox.contacts.first)
        return Contact(id: ContactID(person.id), name: person.name)
    }

    @Test("describes Task and keeps the custom text, number and picklist fields people may set, by label")
    func readsCatalogue() async throws {
        try await SalesforceHarness.run { harness in
            let fields = try await harness.connector().customFields()

            // Left out: standard fields, the formula, the create-only field, the date field; and the
            // picklist's inactive value.
            #expect(fields == [
                CustomField(key: "Call_Reason__c", label: "Call Reason", kind: .choice, options: [
                    .init(value: "Pricing", label: "Pricing"), .init(value: "Renewal", label: "Renewal"), .init(value: "Support", label: "Support"),
                ]),
                CustomField(key: "Call_Topic__c", label: "Call Topic", kind: .text),
                CustomField(key: "Follow_Up_Notes__c", label: "Follow Up Notes", kind: .text),
                CustomField(key: "Satisfaction_Score__c", label: "Satisfaction Score", kind: .number),
            ])
            #expect(harness.sandbox.requestsByOperation == ["task.describe": 1])
        }
    }

    @Test("a create sends a number field's value as a JSON number and the others as text, stored on the Task")
    func createStoresValues() async throws {
        try await SalesforceHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: try Self.contact(harness))
            entry.customFields = ["Call_Reason__c": "Support", "Satisfaction_Score__c": "8.5", "Call_Topic__c": "42"]

            let id = try await harness.connector().createCallRecord(entry)

            let task = try #require(harness.sandbox.task(id: id.rawValue))
            #expect(task.fields["Call_Reason__c"] == .string("Support"))
            #expect(task.fields["Satisfaction_Score__c"] == .number(8.5))
            // A text field keeps a value that looks like a number as text.
            #expect(task.fields["Call_Topic__c"] == .string("42"))
            #expect(task.fields["CallObject"] == .string("log-0001"))
            // The describe that told the number field apart, then the create.
            #expect(harness.sandbox.requestsByOperation == ["task.describe": 1, "task.create": 1])
        }
    }

    @Test("an update sets only the custom values given; the others keep theirs")
    func updateChangesOnlyThose() async throws {
        try await SalesforceHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: try Self.contact(harness))
            entry.customFields = ["Call_Reason__c": "Support", "Call_Topic__c": "Refund"]
            let id = try await harness.connector().createCallRecord(entry)

            var revised = entry
            revised.customFields = ["Satisfaction_Score__c": "3"]
            try await harness.connector().updateCallRecord(id, with: revised)

            let task = try #require(harness.sandbox.task(id: id.rawValue))
            #expect(task.fields["Satisfaction_Score__c"] == .number(3))
            #expect(task.fields["Call_Reason__c"] == .string("Support"))
            #expect(task.fields["Call_Topic__c"] == .string("Refund"))
        }
    }

    @Test("without custom values, no custom field is written and nothing is described")
    func noValuesNoDescribe() async throws {
        try await SalesforceHarness.run { harness in
            let entry = CallLogEntry.fixture(contact: try Self.contact(harness))
            let id = try await harness.connector().createCallRecord(entry)
            try await harness.connector().updateCallRecord(id, with: entry)

            let task = try #require(harness.sandbox.task(id: id.rawValue))
            #expect(!task.fields.keys.contains { $0.hasSuffix("__c") })
            #expect(harness.sandbox.requestCount(for: "task.describe") == 0)
        }
    }

    @Test("an unknown field is Salesforce's INVALID_FIELD, a validation failure naming it, and nothing is created")
    func unknownFieldRefused() async throws {
        try await SalesforceHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: try Self.contact(harness))
            entry.customFields = ["Mood__c": "calm"]

            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(entry) })

            #expect(error.kind == .validationFailed(field: "Mood__c"))
            #expect(!error.isRetryable)
            #expect(error.message == "INVALID_FIELD: No such column 'Mood__c' on sobject of type Task")
            #expect(harness.sandbox.tasks.isEmpty)
        }
    }

    @Test("a value outside a restricted picklist, its inactive value included, is INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST naming the field")
    func badPicklistValueRefused() async throws {
        try await SalesforceHarness.run { harness in
            let entry = CallLogEntry.fixture(contact: try Self.contact(harness))
            let id = try await harness.connector().createCallRecord(entry)

            for value in ["Billing", "Legacy"] {
                var revised = entry
                revised.customFields = ["Call_Reason__c": value]
                let error = try #require(await expectConnectorError { try await harness.connector().updateCallRecord(id, with: revised) })
                #expect(error.kind == .validationFailed(field: "Call_Reason__c"))
                #expect(error.message == "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: bad value for restricted picklist field: \(value)")
            }
            #expect(harness.sandbox.task(id: id.rawValue)?.fields["Call_Reason__c"] == nil)
        }
    }

    @Test("a rate limit or an outage on the describe is retryable")
    func catalogueFailuresRetryable() async throws {
        try await SalesforceHarness.run { harness in
            harness.sandbox.failNext(status: 403, errorCode: "REQUEST_LIMIT_EXCEEDED")
            let limited = try #require(await expectConnectorError { _ = try await harness.connector().customFields() })
            #expect(limited.kind == .rateLimited(retryAfter: 3600))
            #expect(limited.operation == "salesforce.customFields")
            #expect(limited.isRetryable)

            harness.sandbox.failNext(status: 429)
            let tooMany = try #require(await expectConnectorError { _ = try await harness.connector().customFields() })
            #expect(tooMany.isRetryable)

            harness.sandbox.outage = true
            let down = try #require(await expectConnectorError { _ = try await harness.connector().customFields() })
            #expect(down.kind == .transient)
            #expect(down.isRetryable)

            harness.sandbox.outage = false
            #expect(try await harness.connector().customFields().count == 4)
        }
    }

    @Test("a failed describe stops a write that carries values before anything is created")
    func describeFailureStopsCreate() async throws {
        try await SalesforceHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: try Self.contact(harness))
            entry.customFields = ["Call_Topic__c": "Refund"]
            harness.sandbox.failNext(status: 503)

            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(entry) })

            #expect(error.kind == .transient)
            #expect(error.operation == "salesforce.createCall")
            #expect(harness.sandbox.tasks.isEmpty)
        }
    }

    @Test("the sandbox describes Task as Salesforce does: custom flags, what may be set, formulas and picklist values")
    func sandboxDescribe() async throws {
        try await SalesforceHarness.run { harness in
            let response = try await harness.raw(.GET, "/services/data/v61.0/sobjects/Task/describe")
            #expect(response.status == 200)
            let body = try response.salesforceObject
            #expect(body["name"] as? String == "Task")
            #expect(body["keyPrefix"] as? String == "00T")
            let fields = try #require(body["fields"] as? [[String: Any]])
            let byName = Dictionary(uniqueKeysWithValues: fields.map { ($0["name"] as? String ?? "", $0) })
            #expect(fields.first?["name"] as? String == "Id")

            let subject = try #require(byName["Subject"])
            #expect(subject["custom"] as? Bool == false)
            #expect(subject["type"] as? String == "string")
            let score = try #require(byName["Lead_Score__c"])
            #expect(score["calculated"] as? Bool == true)
            #expect(score["createable"] as? Bool == false)
            let legacy = try #require(byName["Legacy_Code__c"])
            #expect(legacy["createable"] as? Bool == true)
            #expect(legacy["updateable"] as? Bool == false)
            let reason = try #require(byName["Call_Reason__c"])
            #expect(reason["restrictedPicklist"] as? Bool == true)
            let values = try #require(reason["picklistValues"] as? [[String: Any]])
            #expect(values.compactMap { $0["value"] as? String } == ["Pricing", "Renewal", "Support", "Legacy"])
            #expect(values.compactMap { $0["active"] as? Bool } == [true, true, true, false])
            #expect(byName["Follow_Up_Notes__c"]?["type"] as? String == "textarea")
            #expect(byName["Satisfaction_Score__c"]?["type"] as? String == "double")

            // `describe` is not read as a Task id.
            #expect(harness.sandbox.requestsByOperation == ["task.describe": 1])
        }
    }

    @Test("the sandbox refuses a number field's value that is not a JSON number, and a formula field, naming each")
    func sandboxNumberAndFormula() async throws {
        try await SalesforceHarness.run { harness in
            let id = try await harness.connector().createCallRecord(.fixture(contact: try Self.contact(harness)))
            let path = "/services/data/v61.0/sobjects/Task/\(id.rawValue)"

            let text = try await harness.raw(.PATCH, path, json: #"{"Satisfaction_Score__c":"high"}"#)
            #expect(text.status == 400)
            #expect(try text.salesforceErrors.first?["errorCode"] as? String == "JSON_PARSER_ERROR")
            #expect(try text.salesforceErrors.first?["fields"] as? [String] == ["Satisfaction_Score__c"])

            let formula = try await harness.raw(.PATCH, path, json: #"{"Lead_Score__c":5}"#)
            #expect(formula.status == 400)
            #expect(try formula.salesforceErrors.first?["errorCode"] as? String == "INVALID_FIELD_FOR_INSERT_UPDATE")

            let createOnly = try await harness.raw(.PATCH, path, json: #"{"Legacy_Code__c":"A1"}"#)
            #expect(createOnly.status == 400)
            #expect(try createOnly.salesforceErrors.first?["fields"] as? [String] == ["Legacy_Code__c"])
        }
    }
}
