import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeCore

extension ConnectorHTTPClient {
    /// POSTs `form` as `application/x-www-form-urlencoded` (OAuth token endpoints take no JSON).
    ///
    /// The form usually carries secrets, so neither it nor the headers ever reach a log line or an error.
    public func postForm(url: String, form: [(String, String)], headers: HTTPHeaders = [:], operation: String) async throws(ConnectorError) -> ConnectorHTTPResponse {
        try await self.send(
            .POST, url: url, headers: headers, body: ByteBuffer(string: ConnectorHTTPClient.formEncoded(form)),
            contentType: "application/x-www-form-urlencoded", operation: operation
        )
    }

    /// `a=1&b=2`, each name and value percent-encoded (everything but the unreserved characters).
    static func formEncoded(_ form: [(String, String)]) -> String {
        form.map { "\(ConnectorHTTPClient.pathSegment($0.0))=\(ConnectorHTTPClient.pathSegment($0.1))" }.joined(separator: "&")
    }
}
