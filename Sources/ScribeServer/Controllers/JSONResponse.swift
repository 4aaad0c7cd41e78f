import Foundation
import Hummingbird
import NIOCore
import ScribeApp

/// JSON answers, encoded the one way the API encodes everything.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try CallLogSummary.encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
