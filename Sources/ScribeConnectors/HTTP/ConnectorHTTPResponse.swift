import Foundation
import NIOCore
import NIOHTTP1
import ScribeCore

/// A complete CRM response: status, headers and the body bytes.
public struct ConnectorHTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: ByteBuffer

    public init(status: Int, headers: HTTPHeaders = [:], body: ByteBuffer = ByteBuffer()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(self.status) }

    /// The body as UTF-8 text.
    public var bodyText: String { String(buffer: self.body) }

    /// The body decoded from JSON.
    ///
    /// - Throws: ``ConnectorError`` `.permanent`: a success we cannot read will not read better next time.
    public func decode<Value: Decodable>(_ type: Value.Type, operation: String) throws(ConnectorError) -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(self.body.readableBytesView))
        } catch {
            throw ConnectorError(
                .permanent,
                operation: operation,
                status: self.status,
                message: "unexpected response body (\(error)): \(self.bodyText.prefix(200))"
            )
        }
    }
}
