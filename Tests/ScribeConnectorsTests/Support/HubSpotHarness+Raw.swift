import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors

extension HubSpotHarness {
    /// Sends `json` straight to the sandbox with AsyncHTTPClient, bypassing the connector, to see
    /// the wire as HubSpot's clients would.
    func raw(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = HubSpotHarness.token) async throws -> ConnectorHTTPResponse {
        var request = HTTPClientRequest(url: self.baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await self.httpClient.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 4 << 20)
        return ConnectorHTTPResponse(status: Int(response.status.code), headers: response.headers, body: body)
    }
}

extension ConnectorHTTPResponse {
    /// The body as a JSON object, for assertions.
    var jsonObject: [String: Any] {
        get throws {
            let object = try JSONSerialization.jsonObject(with: Data(self.body.readableBytesView))
            guard let dictionary = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
            return dictionary
        }
    }
}
