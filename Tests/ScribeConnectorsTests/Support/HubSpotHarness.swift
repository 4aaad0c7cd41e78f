import AsyncHTTPClient
import Foundation
import NIOCore
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import ScribeTestSupport

/// A HubSpot sandbox served for real on loopback, and connectors pointed at it.
struct HubSpotHarness {
    static let token = "pat-na1-sandbox-test-token"
    /// 40 customers: every stored-number style (customer index % 7) appears several times.
    static let company = SandboxCompany(seed: 42, customerCount: 40)

    let sandbox: HubSpotSandbox
    let baseURL: String
    let httpClient: HTTPClient

    /// A connector for the sandbox, with the right token unless told otherwise.
    func connector(token: String = HubSpotHarness.token, timeout: TimeAmount = .seconds(10)) -> HubSpotConnector {
        HubSpotConnector(baseURL: self.baseURL, accessToken: token, httpClient: self.httpClient, timeout: timeout)
    }

    /// Starts a fresh sandbox server, runs `body` against it, and stops the server gracefully.
    static func run<Value>(
        persistenceURL: URL? = nil,
        _ body: (HubSpotHarness) async throws -> Value
    ) async throws -> Value {
        let httpClient = try HTTPClient.suite
        let sandbox = HubSpotSandbox(company: HubSpotHarness.company, accessToken: HubSpotHarness.token, persistenceURL: persistenceURL)
        return try await withSandboxServer(name: "hubspot-sandbox", router: sandbox.router()) { baseURL in
            try await body(HubSpotHarness(sandbox: sandbox, baseURL: baseURL, httpClient: httpClient))
        }
    }
}
