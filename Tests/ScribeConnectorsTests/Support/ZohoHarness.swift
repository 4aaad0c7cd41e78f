import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import Testing
import ScribeTestSupport

/// A Zoho CRM sandbox served for real on loopback, spoken to raw, as Zoho's clients would.
struct ZohoHarness {
    static let token = "1000.zoho-sandbox-test-token.5f2c"
    /// 40 customers: every stored-number style (customer index % 7) appears several times.
    static let company = SandboxCompany(seed: 42, customerCount: 40)

    let sandbox: ZohoSandbox
    let baseURL: String
    let httpClient: HTTPClient

    /// Starts a fresh sandbox server, runs `body` against it, and stops the server gracefully.
    static func run<Value>(_ body: (ZohoHarness) async throws -> Value) async throws -> Value {
        let httpClient = try HTTPClient.suite
        let sandbox = ZohoSandbox(company: ZohoHarness.company, accessToken: ZohoHarness.token)
        return try await withSandboxServer(name: "zoho-sandbox", router: sandbox.router()) { baseURL in
            try await body(ZohoHarness(sandbox: sandbox, baseURL: baseURL, httpClient: httpClient))
        }
    }

    /// Sends `json` to `path` with `Authorization: Zoho-oauthtoken <token>` (none when `token` is nil).
    func raw(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = ZohoHarness.token) async throws -> ConnectorHTTPResponse {
        let headers = token.map { [("Authorization", "Zoho-oauthtoken \($0)")] } ?? []
        return try await self.httpClient.rawSandboxRequest(method, self.baseURL + path, headers: headers, json: json)
    }

    /// `GET /crm/v8/{module}/search?phone=…` with the number percent-encoded.
    func searchPhone(_ module: String, _ phone: String, extra: String = "") async throws -> ConnectorHTTPResponse {
        try await self.raw(.GET, "/crm/v8/\(module)/search?phone=\(ZohoHarness.encode(phone))\(extra)")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension ConnectorHTTPResponse {
    /// The body as any JSON value (Odoo answers arrays and numbers too).
    var jsonValue: Any {
        get throws { try JSONSerialization.jsonObject(with: Data(self.body.readableBytesView), options: [.fragmentsAllowed]) }
    }

    /// Zoho's `data` array.
    var zohoData: [[String: Any]] {
        get throws { try #require(try self.jsonObject["data"] as? [[String: Any]]) }
    }
}
