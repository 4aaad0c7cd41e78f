import Foundation
import NIOCore
import NIOHTTP1
@testable import ScribeConnectors
import ScribeCore
import Testing

@Suite("SalesforceErrorMapper")
struct SalesforceErrorMapperTests {
    func map(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> ConnectorError {
        SalesforceErrorMapper.error(for: ConnectorHTTPResponse(status: status, headers: headers, body: ByteBuffer(string: body)), operation: "salesforce.test")
    }

    @Test(
        "maps statuses and error codes to kinds",
        arguments: [
            (401, "INVALID_SESSION_ID", ConnectorError.Kind.authExpired),
            (403, "REQUEST_LIMIT_EXCEEDED", .rateLimited(retryAfter: nil)),
            (403, "INSUFFICIENT_ACCESS", .permissionDenied),
            (403, "API_DISABLED_FOR_ORG", .permissionDenied),
            (404, "NOT_FOUND", .notFound),
            (400, "MALFORMED_QUERY", .permanent),
            (400, "FIELD_CUSTOM_VALIDATION_EXCEPTION", .validationFailed(field: nil)),
            (300, "MULTIPLE_CHOICES", .permanent),
            (500, "UNKNOWN_EXCEPTION", .transient),
            (503, "SERVER_UNAVAILABLE", .transient),
        ]
    )
    func mapsStatus(status: Int, code: String, kind: ConnectorError.Kind) {
        let error = self.map(status, #"[{"message":"it failed","errorCode":"\#(code)"}]"#)
        #expect(error.kind == kind)
        #expect(error.status == status)
        #expect(error.message == "\(code): it failed")
        #expect(error.operation == "salesforce.test")
    }

    @Test("the daily org limit waits an hour; Retry-After wins when sent")
    func requestLimit() {
        let daily = #"[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]"#
        #expect(self.map(403, daily).kind == .rateLimited(retryAfter: 3600))
        #expect(self.map(403, daily, headers: ["Retry-After": "30"]).kind == .rateLimited(retryAfter: 30))
        #expect(self.map(403, daily).isRetryable)
    }

    @Test("a 400 names the first field of the first error that has one")
    func fieldFromFields() {
        let body = #"[{"message":"bad","errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","fields":[]},{"message":"Name ID: id value of incorrect type: x","errorCode":"MALFORMED_ID","fields":["WhoId","WhatId"]}]"#
        let error = self.map(400, body)
        #expect(error.kind == .validationFailed(field: "WhoId"))
        #expect(error.message == "FIELD_CUSTOM_VALIDATION_EXCEPTION: bad; MALFORMED_ID: Name ID: id value of incorrect type: x")
    }

    @Test("a 400 without fields names the field from the message's wording")
    func fieldFromWording() {
        #expect(self.map(400, #"[{"message":"No such column 'Mood__c' on sobject of type Task","errorCode":"INVALID_FIELD"}]"#).kind == .validationFailed(field: "Mood__c"))
        #expect(self.map(400, #"[{"message":"Required fields are missing: [Status, Subject]","errorCode":"REQUIRED_FIELD_MISSING"}]"#).kind == .validationFailed(field: "Status"))
    }

    @Test("keeps the status and the start of a body that is not Salesforce's JSON")
    func unreadableBody() {
        let error = self.map(502, "<html>Bad gateway</html>")
        #expect(error.kind == .transient)
        #expect(error.message == "HTTP 502: <html>Bad gateway</html>")
    }

    @Test("reads a single error object as well as an array")
    func singleObject() {
        let error = self.map(401, #"{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}"#)
        #expect(error.kind == .authExpired)
        #expect(error.message == "INVALID_SESSION_ID: Session expired or invalid")
    }
}
