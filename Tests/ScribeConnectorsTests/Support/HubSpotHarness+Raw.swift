import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors

extension HubSpotHarness {
    /// Sends `json` straight to the sandbox with AsyncHTTPClient, bypassing the connector, to see
    /// the wire as HubSpot's clients would.
    func raw(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = HubSpotHarness.token) async throws -> ConnectorHTTPResponse {
        let headers = token.map { [("Authorization", "Bearer \($0)")] } ?? []
        return try await self.httpClient.rawSandboxRequest(method, self.baseURL + path, headers: headers, json: json)
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
