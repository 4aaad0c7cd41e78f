import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("SalesforceSandbox speaks Salesforce's REST API", .sharedHTTPClient)
struct SalesforceSandboxTests {
    @Test("refuses a request without the token, with Salesforce's 401 array")
    func requiresToken() async throws {
        try await SalesforceHarness.run { harness in
            let response = try await harness.rawQuery("query", "SELECT Id FROM Task", token: nil)

            #expect(response.status == 401)
            #expect(response.headers.first(name: "WWW-Authenticate") == "Token")
            let errors = try response.salesforceErrors
            #expect(errors.count == 1)
            #expect(errors.first?["errorCode"] as? String == "INVALID_SESSION_ID")
            #expect(errors.first?["message"] as? String == "Session expired or invalid")
            #expect(harness.sandbox.requestsByOperation == ["query": 1])
            #expect(harness.sandbox.receivedQueries.isEmpty)
        }
    }

    @Test("seeds one contact per customer, with 18-character ids and numbers as typed")
    func seedsContacts() async throws {
        try await SalesforceHarness.run { harness in
            let contacts = harness.sandbox.contacts
            #expect(contacts.count == SalesforceHarness.company.customers.count)
            #expect(Set(contacts.map(\.id)).count == contacts.count)
            #expect(contacts.allSatisfy { $0.id.count == 18 && $0.id.hasPrefix("003") })
            #expect(zip(contacts, SalesforceHarness.company.customers).allSatisfy { $0.phone == $1.storedPhone && $0.mobilePhone == $1.storedMobile })

            // The 15-character form of an id is accepted too.
            let id15 = String(contacts[0].id.prefix(15))
            let created = try await harness.raw(.POST, "/services/data/v61.0/sobjects/Task", json: #"{"WhoId":"\#(id15)","Subject":"x"}"#)
            #expect(created.status == 201)
        }
    }

    @Test("answers a SOSL search with searchRecords, attributes and the requested fields; an escaped + is part of the term")
    func sosl() async throws {
        let customer = SalesforceHarness.company.customers[4]
        try await SalesforceHarness.run { harness in
            let response = try await harness.rawQuery("search/", #"FIND {\#(customer.phoneNumber.replacingOccurrences(of: "+", with: "\\+"))} IN PHONE FIELDS RETURNING Contact(Id, Phone)"#)

            #expect(response.status == 200)
            #expect(response.headers.first(name: "Sforce-Limit-Info") == "api-usage=1/15000")
            let records = try #require(try response.salesforceObject["searchRecords"] as? [[String: Any]])
            #expect(records.count == 1)
            let record = try #require(records.first)
            #expect(Set(record.keys) == ["attributes", "Id", "Phone"])
            #expect(record["Phone"] as? String == customer.storedPhone)
            let attributes = try #require(record["attributes"] as? [String: Any])
            #expect(attributes["type"] as? String == "Contact")
            #expect(attributes["url"] as? String == "/services/data/v61.0/sobjects/Contact/\(harness.sandbox.contacts[4].id)")
        }
    }

    @Test(
        "refuses malformed SOSL and SOQL with Salesforce's codes",
        arguments: [
            ("search", "FIND 4155550123 IN PHONE FIELDS", "MALFORMED_SEARCH"),
            ("search", "FIND {4155550123 IN PHONE FIELDS", "MALFORMED_SEARCH"),
            ("search", "FIND {4} IN PHONE FIELDS", "MALFORMED_SEARCH"),
            ("search", "FIND {4155550123} IN PHONE FIELDS RETURNING Opportunity(Id)", "INVALID_TYPE"),
            ("search", "FIND {4155550123} IN PHONE FIELDS RETURNING Contact(Id, Mood)", "INVALID_FIELD"),
            ("query", "SELECT Id FROM Task WHERE CallObject = 'x' OR Id = 'y'", "MALFORMED_QUERY"),
            ("query", "SELECT Id FROM Task WHERE CallObject LIKE 'x%'", "MALFORMED_QUERY"),
            ("query", "SELECT Id FROM Task WHERE CallObject = 'x", "MALFORMED_QUERY"),
            ("query", "SELECT Id FROM Account", "INVALID_TYPE"),
            ("query", "SELECT Mood FROM Task", "INVALID_FIELD"),
        ]
    )
    func malformed(endpoint: String, text: String, code: String) async throws {
        try await SalesforceHarness.run { harness in
            let response = try await harness.rawQuery(endpoint, text)

            #expect(response.status == 400)
            #expect(try response.salesforceErrors.first?["errorCode"] as? String == code)
        }
    }

    @Test("refuses unknown and read-only fields, naming each, and stores nothing")
    func invalidFields() async throws {
        try await SalesforceHarness.run { harness in
            let response = try await harness.raw(.POST, "/services/data/v61.0/sobjects/Task", json: #"{"Subject":"Hi","Mood__c":"happy","AccountId":"001000000000001AAA"}"#)

            #expect(response.status == 400)
            let errors = try response.salesforceErrors
            #expect(errors.compactMap { $0["errorCode"] as? String } == ["INVALID_FIELD_FOR_INSERT_UPDATE", "INVALID_FIELD"])
            #expect(errors.compactMap { ($0["fields"] as? [String])?.first } == ["AccountId", "Mood__c"])
            #expect(errors.last?["message"] as? String == "No such column 'Mood__c' on sobject of type Task")
            #expect(harness.sandbox.tasks.isEmpty)
        }
    }

    @Test(
        "validates values, naming the field",
        arguments: [
            (#"{"Status":null}"#, "REQUIRED_FIELD_MISSING", "Status"),
            (#"{"CallType":"Sideways"}"#, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "CallType"),
            (#"{"TaskSubtype":"Fax"}"#, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "TaskSubtype"),
            (#"{"ActivityDate":"2025-02-30"}"#, "JSON_PARSER_ERROR", "ActivityDate"),
            (#"{"CallDurationInSeconds":12.5}"#, "JSON_PARSER_ERROR", "CallDurationInSeconds"),
            (#"{"WhoId":"001000000000001AAA"}"#, "FIELD_INTEGRITY_EXCEPTION", "WhoId"),
            (#"{"CallObject":"\#(String(repeating: "x", count: 256))"}"#, "STRING_TOO_LONG", "CallObject"),
        ]
    )
    func validatesValues(json: String, code: String, field: String) async throws {
        try await SalesforceHarness.run { harness in
            let response = try await harness.raw(.POST, "/services/data/v61.0/sobjects/Task", json: json)

            #expect(response.status == 400)
            let error = try #require(try response.salesforceErrors.first)
            #expect(error["errorCode"] as? String == code)
            #expect(error["fields"] as? [String] == [field])
        }
    }

    @Test("matches field names case-insensitively and stores them as Salesforce spells them; reads a Task back")
    func caseInsensitiveFields() async throws {
        try await SalesforceHarness.run { harness in
            let created = try await harness.raw(.POST, "/services/data/v61.0/sobjects/Task", json: #"{"subject":"Hi","callobject":"log-9","CALLDURATIONINSECONDS":42}"#)

            #expect(created.status == 201)
            let body = try created.salesforceObject
            #expect(body["success"] as? Bool == true)
            #expect((body["errors"] as? [Any])?.isEmpty == true)
            let id = try #require(body["id"] as? String)
            #expect(harness.sandbox.task(id: id)?.fields == ["Subject": "Hi", "CallObject": "log-9", "CallDurationInSeconds": 42])

            let read = try await harness.raw(.GET, "/services/data/v61.0/sobjects/Task/\(id)").salesforceObject
            #expect(read["CallObject"] as? String == "log-9")
            #expect(read["CallDurationInSeconds"] as? Int == 42)
            #expect(read["WhoId"] is NSNull)

            let found = try await harness.rawQuery("query", "select Id, CallObject from TASK where callobject = 'LOG-9' limit 5").salesforceObject
            #expect(found["totalSize"] as? Int == 1)
            #expect(found["done"] as? Bool == true)
            #expect(((found["records"] as? [[String: Any]])?.first?["CallObject"] as? String) == "log-9")

            let missing = try await harness.raw(.GET, "/services/data/v61.0/sobjects/Task/00T000000000001AAA")
            #expect(missing.status == 404)
            #expect(try missing.salesforceErrors.first?["errorCode"] as? String == "NOT_FOUND")
        }
    }

    @Test("an unknown API version is 404")
    func unknownVersion() async throws {
        try await SalesforceHarness.run { harness in
            let response = try await harness.raw(.POST, "/services/data/latest/sobjects/Task", json: "{}")
            #expect(response.status == 404)
            #expect(try response.salesforceErrors.first?["errorCode"] as? String == "NOT_FOUND")
        }
    }
}
