import AsyncHTTPClient
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import ServiceLifecycle

extension HTTPClient {
    /// Sends `json` (if any) to `url` with `headers`, straight to a sandbox, bypassing any connector,
    /// to see the wire as a vendor's clients would.
    func rawSandboxRequest(_ method: HTTPMethod, _ url: String, headers: [(String, String)], json: String?) async throws -> ConnectorHTTPResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await self.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 4 << 20)
        return ConnectorHTTPResponse(status: Int(response.status.code), headers: response.headers, body: body)
    }
}
