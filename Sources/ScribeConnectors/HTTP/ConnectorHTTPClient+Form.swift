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
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers = headers
        request.headers.replaceOrAdd(name: "Accept", value: "application/json")
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: ConnectorHTTPClient.formEncoded(form)))
        let target = "POST \(ConnectorHTTPClient.redacted(url))"
        do {
            let response = try await self.httpClient.execute(request, timeout: self.timeout, logger: self.logger)
            let bytes = try await response.body.collect(upTo: self.maxResponseBytes)
            self.logger.debug("CRM request", metadata: ["operation": "\(operation)", "request": "\(target)", "status": "\(response.status.code)"])
            return ConnectorHTTPResponse(status: Int(response.status.code), headers: response.headers, body: bytes)
        } catch {
            throw ConnectorHTTPClient.transportError(error, target: target, timeout: self.timeout, operation: operation)
        }
    }

    /// `a=1&b=2`, each name and value percent-encoded (everything but the unreserved characters).
    static func formEncoded(_ form: [(String, String)]) -> String {
        form.map { "\(ConnectorHTTPClient.pathSegment($0.0))=\(ConnectorHTTPClient.pathSegment($0.1))" }.joined(separator: "&")
    }
}
