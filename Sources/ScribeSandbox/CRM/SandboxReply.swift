import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

/// A JSON answer from the HubSpot sandbox, before it becomes a `Response`.
struct SandboxReply {
    var status: Int
    var body: Data
    var retryAfter: Int?

    static func json(_ status: Int, _ value: some Encodable) -> SandboxReply {
        let encoder = JSONEncoder()
        // Sorted keys: the same state always gives the same bytes.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Our own DTOs always encode; an empty object keeps the answer valid JSON if one ever did not.
        return SandboxReply(status: status, body: (try? encoder.encode(value)) ?? Data("{}".utf8))
    }

    static func error(_ error: HubSpotSandboxError) -> SandboxReply {
        var reply = SandboxReply.json(error.httpStatus, error)
        reply.retryAfter = error.retryAfter
        return reply
    }

    /// The response, with HubSpot's rate-limit headers (fixed limits; the remaining counts follow `requestNumber`).
    func response(requestNumber: Int) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json;charset=utf-8"
        let rateLimits = [
            ("X-HubSpot-RateLimit-Daily", "500000"),
            ("X-HubSpot-RateLimit-Daily-Remaining", String(max(0, 500_000 - requestNumber))),
            ("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"),
            ("X-HubSpot-RateLimit-Max", String(HubSpotSandbox.burstLimit)),
            ("X-HubSpot-RateLimit-Remaining", String(HubSpotSandbox.burstLimit - 1)),
            ("X-HubSpot-RateLimit-Secondly", String(HubSpotSandbox.burstLimit / 10)),
            ("X-HubSpot-RateLimit-Secondly-Remaining", String(HubSpotSandbox.burstLimit / 10 - 1)),
        ]
        for (name, value) in rateLimits {
            if let name = HTTPField.Name(name) { headers[name] = value }
        }
        if let retryAfter, let name = HTTPField.Name("Retry-After") {
            headers[name] = String(retryAfter)
        }
        let status = HTTPResponse.Status(code: self.status, reasonPhrase: HTTPResponseStatus(statusCode: self.status).reasonPhrase)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: self.body)))
    }
}
