import NIOCore
import NIOHTTP1
@testable import ScribeConnectors
import ScribeCore
import Testing

@Suite("HubSpotErrorMapper")
struct HubSpotErrorMapperTests {
    func map(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> ConnectorError {
        HubSpotErrorMapper.error(for: ConnectorHTTPResponse(status: status, headers: headers, body: ByteBuffer(string: body)), operation: "hubspot.test")
    }

    @Test(
        "maps statuses to kinds",
        arguments: [
            (401, ConnectorError.Kind.authExpired),
            (403, .permissionDenied),
            (404, .notFound),
            (400, .permanent),
            (409, .permanent),
            (500, .transient),
            (502, .transient),
            (503, .transient),
        ]
    )
    func mapsStatus(status: Int, kind: ConnectorError.Kind) {
        let error = self.map(status, #"{"status":"error","message":"it failed","correlationId":"c0ffee","category":"SOMETHING"}"#)
        #expect(error.kind == kind)
        #expect(error.status == status)
        #expect(error.message == "it failed")
        #expect(error.operation == "hubspot.test")
    }

    @Test("takes the delay from policyName when there is no Retry-After", arguments: [("SECONDLY", 1.0), ("TEN_SECONDLY_ROLLING", 10.0), ("DAILY", 3600.0)])
    func rateLimitPolicy(policy: String, seconds: Double) {
        let error = self.map(429, #"{"status":"error","message":"You have reached your limit.","errorType":"RATE_LIMIT","policyName":"\#(policy)"}"#)
        #expect(error.kind == .rateLimited(retryAfter: seconds))
    }

    @Test("prefers the Retry-After header")
    func retryAfterHeader() {
        let error = self.map(429, #"{"status":"error","message":"x","errorType":"RATE_LIMIT","policyName":"DAILY"}"#, headers: ["Retry-After": "42"])
        #expect(error.kind == .rateLimited(retryAfter: 42))
    }

    @Test("names the property from an error's context")
    func fieldFromContext() {
        let body = #"{"status":"error","message":"Invalid value","category":"VALIDATION_ERROR","errors":[{"message":"bad","code":"INVALID_OPTION","context":{"propertyName":["hs_call_status"]}}]}"#
        #expect(self.map(400, body).kind == .validationFailed(field: "hs_call_status"))
    }

    @Test("names the property from the message's wording")
    func fieldFromWording() {
        let body = #"{"status":"error","message":"Property \"hs_call_mood\" does not exist","category":"VALIDATION_ERROR"}"#
        #expect(self.map(400, body).kind == .validationFailed(field: "hs_call_mood"))
    }

    @Test("keeps the status and the start of a body that is not HubSpot's JSON")
    func unreadableBody() {
        let error = self.map(502, "<html>Bad gateway</html>")
        #expect(error.kind == .transient)
        #expect(error.message == "HTTP 502: <html>Bad gateway</html>")
    }
}
