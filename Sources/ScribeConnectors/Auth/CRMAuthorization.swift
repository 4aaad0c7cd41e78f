import Foundation
import NIOHTTP1
import ScribeCore

/// How a connector authenticates its API requests: a fixed header (an API or private-app token), or
/// an OAuth2 bearer token that is refreshed when it expires.
public enum CRMAuthorization: Sendable {
    /// `name: value` on every request, e.g. `Authorization: Bearer pat-…` or `x-api-token: …`.
    case header(name: String, value: String)
    /// `Authorization: Bearer <access token>` from the provider; a 401 refreshes once and retries once.
    case oauth(CRMTokenProvider)

    /// `Authorization: Bearer token`.
    public static func bearer(_ token: String) -> CRMAuthorization {
        .header(name: "Authorization", value: "Bearer \(token)")
    }
}

extension ConnectorHTTPClient {
    /// Sends the request with `authorization`'s header. With OAuth, a 401 answer buys exactly one
    /// refresh (shared with concurrent callers) and the request is sent once more with the new token;
    /// whatever that second answer is, it is returned, so a token the CRM keeps rejecting never loops.
    public func send(
        _ method: HTTPMethod,
        url: String,
        authorization: CRMAuthorization,
        headers: HTTPHeaders = [:],
        body: (any Encodable)? = nil,
        operation: String
    ) async throws(ConnectorError) -> ConnectorHTTPResponse {
        switch authorization {
        case .header(let name, let value):
            var headers = headers
            headers.replaceOrAdd(name: name, value: value)
            return try await self.send(method, url: url, headers: headers, body: body, operation: operation)
        case .oauth(let provider):
            let token = try await provider.accessToken(operation: operation)
            var headers = headers
            headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)")
            let response = try await self.send(method, url: url, headers: headers, body: body, operation: operation)
            guard response.status == 401 else { return response }
            let renewed = try await provider.refresh(rejecting: token, operation: operation)
            headers.replaceOrAdd(name: "Authorization", value: "Bearer \(renewed)")
            return try await self.send(method, url: url, headers: headers, body: body, operation: operation)
        }
    }
}
