import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

/// The sandbox's sObject Collections create on the wire, as Salesforce's own clients see it.
@Suite("Salesforce sandbox serves sObject Collections create", .sharedHTTPClient)
struct SalesforceSandboxCollectionsTests {
    static let path = "/services/data/v61.0/composite/sobjects"

    /// A Task record for `whoID` with `marker` in `CallObject`.
    static func task(_ whoID: String, marker: String) -> String {
        #"{"attributes":{"type":"Task"},"Subject":"Call","WhoId":"\#(whoID)","Status":"Completed","TaskSubtype":"Call","CallObject":"\#(marker)"}"#
    }

    static func body(_ records: [String], allOrNone: Bool = false) -> String {
        #"{"allOrNone":\#(allOrNone),"records":[\#(records.joined(separator: ","))]}"#
    }

    @Test("200 with one save result per record, in order; a refused one has id null and errors with statusCode, message and fields")
    func wireShape() async throws {
        try await SalesforceHarness.run { harness in
            let who = try #require(harness.sandbox.contacts.first).id
            let json = Self.body([Self.task(who, marker: "a"), Self.task("003000000000001AAA", marker: "b"), Self.task(who, marker: "c")])

            let response = try await harness.raw(.POST, Self.path, json: json)

            #expect(response.status == 200)
            let results = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
            #expect(results.count == 3)
            #expect(results.map { $0["success"] as? Bool } == [true, false, true])
            #expect(results[0]["id"] as? String == harness.sandbox.tasks[0].id)
            #expect(results[2]["id"] as? String == harness.sandbox.tasks[1].id)
            #expect(results[1]["id"] is NSNull)
            let error = try #require((results[1]["errors"] as? [[String: Any]])?.first)
            #expect(error["statusCode"] as? String == "INVALID_CROSS_REFERENCE_KEY")
            #expect(error["fields"] as? [String] == ["WhoId"])
            #expect(error["message"] as? String == "invalid cross reference id")
            #expect((results[0]["errors"] as? [Any])?.isEmpty == true)
            #expect(harness.sandbox.tasks.map { $0.fields["CallObject"] } == ["a", "c"])
            #expect(harness.sandbox.requestCount(for: "composite.sobjects.create") == 1)
            #expect(harness.sandbox.requestCount(for: "task.create") == 0)
        }
    }

    @Test("records are checked as single creates are: an unknown field is INVALID_FIELD naming it")
    func validatesAsSingleCreate() async throws {
        try await SalesforceHarness.run { harness in
            let who = try #require(harness.sandbox.contacts.first).id
            let bad = #"{"attributes":{"type":"Task"},"WhoId":"\#(who)","Mood__c":"calm"}"#

            let response = try await harness.raw(.POST, Self.path, json: Self.body([bad]))
            let single = try await harness.raw(.POST, "/services/data/v61.0/sobjects/Task", json: #"{"WhoId":"\#(who)","Mood__c":"calm"}"#)

            #expect(response.status == 200)
            let results = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
            let error = try #require((results.first?["errors"] as? [[String: Any]])?.first)
            let singleError = try #require(try single.salesforceErrors.first)
            #expect(error["statusCode"] as? String == singleError["errorCode"] as? String)
            #expect(error["message"] as? String == singleError["message"] as? String)
            #expect(error["fields"] as? [String] == ["Mood__c"])
            #expect(harness.sandbox.tasks.isEmpty)
        }
    }

    @Test("allOrNone true: one refused record rolls back all, the valid ones saying ALL_OR_NONE_OPERATION_ROLLED_BACK")
    func allOrNoneRollsBack() async throws {
        try await SalesforceHarness.run { harness in
            let who = try #require(harness.sandbox.contacts.first).id
            let json = Self.body([Self.task(who, marker: "a"), Self.task("003000000000001AAA", marker: "b")], allOrNone: true)

            let response = try await harness.raw(.POST, Self.path, json: json)

            #expect(response.status == 200)
            let results = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
            #expect(results.map { $0["success"] as? Bool } == [false, false])
            let codes = results.map { (($0["errors"] as? [[String: Any]])?.first?["statusCode"] as? String) ?? "" }
            #expect(codes == ["ALL_OR_NONE_OPERATION_ROLLED_BACK", "INVALID_CROSS_REFERENCE_KEY"])
            #expect(harness.sandbox.tasks.isEmpty)
            // The rolled-back Task's number is not spent either: the next create gets the first id.
            let created = try await harness.raw(.POST, Self.path, json: Self.body([Self.task(who, marker: "a")], allOrNone: true))
            #expect(created.status == 200)
            #expect(harness.sandbox.tasks.count == 1)
        }
    }

    @Test("more than 200 records: 400 EXCEEDED_ID_LIMIT in Salesforce's error body, nothing created")
    func overLimit() async throws {
        try await SalesforceHarness.run { harness in
            let who = try #require(harness.sandbox.contacts.first).id
            let json = Self.body((1...201).map { Self.task(who, marker: "m\($0)") })

            let response = try await harness.raw(.POST, Self.path, json: json)

            #expect(response.status == 400)
            let error = try #require(try response.salesforceErrors.first)
            #expect(error["errorCode"] as? String == "EXCEEDED_ID_LIMIT")
            #expect(error["message"] as? String == "record limit reached. cannot submit more than 200 records into this call")
            #expect(harness.sandbox.tasks.isEmpty)
            // Exactly 200 is accepted.
            let full = try await harness.raw(.POST, Self.path, json: Self.body((1...200).map { Self.task(who, marker: "m\($0)") }))
            #expect(full.status == 200)
            #expect(harness.sandbox.tasks.count == 200)
        }
    }

    @Test("a record without a type in its attributes is refused alone as INVALID_TYPE; a bad token is 401 for the whole request")
    func typeAndToken() async throws {
        try await SalesforceHarness.run { harness in
            let who = try #require(harness.sandbox.contacts.first).id
            let untyped = #"{"attributes":{},"WhoId":"\#(who)"}"#

            let response = try await harness.raw(.POST, Self.path, json: Self.body([untyped, Self.task(who, marker: "a")]))
            let unauthorised = try await harness.raw(.POST, Self.path, json: Self.body([Self.task(who, marker: "b")]), token: "wrong")

            let results = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
            #expect(results.map { $0["success"] as? Bool } == [false, true])
            #expect((results[0]["errors"] as? [[String: Any]])?.first?["statusCode"] as? String == "INVALID_TYPE")
            #expect(unauthorised.status == 401)
            #expect(try unauthorised.salesforceErrors.first?["errorCode"] as? String == "INVALID_SESSION_ID")
            #expect(harness.sandbox.tasks.count == 1)
        }
    }
}
