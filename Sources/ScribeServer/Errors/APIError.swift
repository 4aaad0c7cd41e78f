import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error the HTTP edge answers with: a status and a JSON body naming the problem.
///
/// `{"error": {"code": "invalid_field", "message": "...", "field": "filter"}}`
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?
    /// Headers the answer carries besides its content type, e.g. `Retry-After`.
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, message: String, field: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json"
        return Response(status: self.status, headers: headers, body: .init(byteBuffer: self.body))
    }

    var body: ByteBuffer {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
                var field: String?
            }
            var error: Detail
        }
        let data = (try? JSONEncoder().encode(Body(error: .init(code: self.code, message: self.message, field: self.field)))) ?? Data()
        return ByteBuffer(bytes: data)
    }
}
