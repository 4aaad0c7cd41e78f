import Foundation
import Hummingbird
import NIOCore

/// JSON request bodies, decoded the one way the API decodes everything.
enum JSONRequest {
    static let maximumSize = 256 * 1024

    /// Decodes a JSON body of at most 256 KiB, or answers 400 naming what is wrong.
    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request) async throws -> Body {
        var request = request
        let buffer = try await request.collectBody(upTo: self.maximumSize)
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch DecodingError.keyNotFound(let key, let context) {
            let field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, code: "invalid_field", message: "\(field) is required.", field: field)
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, code: "invalid_field", message: "\(field) has the wrong type.", field: field)
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, code: "invalid_field", message: "\(field) has a value that is not allowed.", field: field)
        } catch {
            throw APIError(.badRequest, code: "invalid_json", message: "The body is not a JSON object.")
        }
    }
}
