import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import ServiceLifecycle

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
        var logger = Logger(label: "test.pipedrive-sandbox")
        logger.logLevel = .warning
        let server = SandboxServer(name: "pipedrive-sandbox", router: sandbox.router(), logger: logger)
        let services = ServiceGroup(configuration: .init(services: [server], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            let harness = PipedriveHarness(sandbox: sandbox, baseURL: await server.baseURL, httpClient: httpClient)
            do {
                let value = try await body(harness)
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return value
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
        }
    }

    /// Sends `json` straight to the sandbox, bypassing the connector, to see the wire as Pipedrive's clients would.
    func raw(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = PipedriveHarness.token) async throws -> ConnectorHTTPResponse {
        var request = HTTPClientRequest(url: self.baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "x-api-token", value: token) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await self.httpClient.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 4 << 20)
        return ConnectorHTTPResponse(status: Int(response.status.code), headers: response.headers, body: body)
    }
}
