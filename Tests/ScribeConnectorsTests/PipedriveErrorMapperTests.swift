import Foundation
import NIOCore
import NIOHTTP1
@testable import ScribeConnectors
import ScribeCore
import Testing

@Suite("PipedriveErrorMapper")
struct PipedriveErrorMapperTests {
    func response(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> ConnectorHTTPResponse {
        ConnectorHTTPResponse(status: status, headers: headers, body: ByteBuffer(string: body))
    }

    @Test("statuses map to kinds", arguments: [
        (401, ConnectorError.Kind.authExpired), (403, .permissionDenied), (404, .notFound), (422, .validationFailed(field: nil)),
        (500, .transient), (503, .transient), (409, .permanent), (410, .permanent),
    ])
    func statuses(status: Int, kind: ConnectorError.Kind) {
        let error = PipedriveErrorMapper.error(for: self.response(status, #"{"success":false,"error":"nope"}"#), operation: "op")
        #expect(error.kind == kind)
        #expect(error.message == "nope")
    }

    @Test("a body that is not Pipedrive's is quoted")
    func foreignBody() {
        let error = PipedriveErrorMapper.error(for: self.response(502, "<html>Bad gateway</html>"), operation: "op")
        #expect(error.kind == .transient)
        #expect(error.message == "HTTP 502: <html>Bad gateway</html>")
    }

    @Test("the field comes from the message", arguments: [
        ("Validation failed: due_date: must match format YYYY-MM-DD", "due_date"),
        ("'person_id' is a read-only field. Add a primary participant to set 'person_id' instead.", "person_id"),
        ("Parameter \"subject\" is too long", "subject"),
        ("Something went wrong", nil),
    ])
    func field(message: String, field: String?) {
        #expect(PipedriveErrorMapper.field(in: message) == field)
    }

    @Test("Retry-After wins over x-ratelimit-reset; an epoch reset becomes a delay")
    func retryAfter() {
        #expect(PipedriveErrorMapper.retryAfter(headers: ["Retry-After": "3", "x-ratelimit-reset": "9"]) == 3)
        #expect(PipedriveErrorMapper.retryAfter(headers: ["x-ratelimit-reset": "2"]) == 2)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(PipedriveErrorMapper.retryAfter(headers: ["x-ratelimit-reset": "1800000005"], now: now) == 5)
        #expect(PipedriveErrorMapper.retryAfter(headers: [:]) == nil)
        #expect(PipedriveErrorMapper.retryAfter(headers: ["Retry-After": "soon"]) == nil)
    }
}
