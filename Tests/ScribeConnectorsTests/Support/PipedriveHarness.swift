import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import ScribeTestSupport

/// A Pipedrive sandbox served for real on loopback, and connectors pointed at it.
struct PipedriveHarness {
    static let token = "pd-sandbox-test-token-9f31c0"
    /// 40 customers: every stored-number style (customer index % 7) appears several times.
    static let company = SandboxCompany(seed: 42, customerCount: 40)

    let sandbox: PipedriveSandbox
    let baseURL: String
    let httpClient: HTTPClient

    /// A connector for the sandbox, with the right token unless told otherwise.
    func connector(token: String = PipedriveHarness.token, timeout: TimeAmount = .seconds(10)) -> PipedriveConnector {
        PipedriveConnector(baseURL: self.baseURL, apiToken: token, httpClient: self.httpClient, timeout: timeout)
    }

    /// Starts a fresh sandbox server, runs `body` against it, and stops the server gracefully.
    static func run<Value>(_ body: (PipedriveHarness) async throws -> Value) async throws -> Value {
        let httpClient = try HTTPClient.suite
        let sandbox = PipedriveSandbox(company: PipedriveHarness.company, apiToken: PipedriveHarness.token)
        return try await withSandboxServer(name: "pipedrive-sandbox", router: sandbox.router()) { baseURL in
            try await body(PipedriveHarness(sandbox: sandbox, baseURL: baseURL, httpClient: httpClient))
        }
    }

    /// Sends `json` straight to the sandbox, bypassing the connector, to see the wire as Pipedrive's clients would.
    func raw(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = PipedriveHarness.token) async throws -> ConnectorHTTPResponse {
        let headers = token.map { [("x-api-token", $0)] } ?? []
        return try await self.httpClient.rawSandboxRequest(method, self.baseURL + path, headers: headers, json: json)
    }
}
