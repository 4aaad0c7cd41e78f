import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import ScribeTestSupport

/// A Salesforce sandbox served for real on loopback, and connectors pointed at it.
struct SalesforceHarness {
    /// Shaped like a real session id: org id, `!`, then the secret part.
    static let token = "00D5g000004SbXy!AQ4AQFakeSandboxSessionToken.k3Jv9"
    /// 40 customers: every stored-number style (customer index % 7) appears several times.
    static let company = SandboxCompany(seed: 42, customerCount: 40)

    let sandbox: SalesforceSandbox
    let baseURL: String
    let httpClient: HTTPClient

    /// A connector for the sandbox, with the right token unless told otherwise.
    func connector(token: String = SalesforceHarness.token, timeout: TimeAmount = .seconds(10)) -> SalesforceConnector {
        SalesforceConnector(instanceURL: self.baseURL, accessToken: token, httpClient: self.httpClient, timeout: timeout)
    }

    /// Starts a fresh sandbox server, runs `body` against it, and stops the server gracefully.
    static func run<Value>(_ body: (SalesforceHarness) async throws -> Value) async throws -> Value {
        let httpClient = try HTTPClient.suite
        let sandbox = SalesforceSandbox(company: SalesforceHarness.company, accessToken: SalesforceHarness.token)
        return try await withSandboxServer(name: "salesforce-sandbox", router: sandbox.router()) { baseURL in
            try await body(SalesforceHarness(sandbox: sandbox, baseURL: baseURL, httpClient: httpClient))
        }
    }

    /// Sends a request straight to the sandbox, bypassing the connector, to see the wire as
    /// Salesforce's clients would. `path` is appended to the base URL as is.
    func raw(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = SalesforceHarness.token) async throws -> ConnectorHTTPResponse {
        let headers = token.map { [("Authorization", "Bearer \($0)")] } ?? []
        return try await self.httpClient.rawSandboxRequest(method, self.baseURL + path, headers: headers, json: json)
    }

    /// `GET /services/data/v61.0/<endpoint>?q=<text>`, with `text` percent-encoded.
    func rawQuery(_ endpoint: String, _ text: String, token: String? = SalesforceHarness.token) async throws -> ConnectorHTTPResponse {
        let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return try await self.raw(.GET, "/services/data/v61.0/\(endpoint)?q=\(encoded)", token: token)
    }
}

extension ConnectorHTTPResponse {
    /// The body as Salesforce's error array, for assertions.
    var salesforceErrors: [[String: Any]] {
        get throws {
            let object = try JSONSerialization.jsonObject(with: Data(self.body.readableBytesView))
            guard let array = object as? [[String: Any]] else { throw CocoaError(.coderReadCorrupt) }
            return array
        }
    }

    /// The body as a JSON object, for assertions.
    var salesforceObject: [String: Any] {
        get throws {
            let object = try JSONSerialization.jsonObject(with: Data(self.body.readableBytesView))
            guard let dictionary = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
            return dictionary
        }
    }
}
