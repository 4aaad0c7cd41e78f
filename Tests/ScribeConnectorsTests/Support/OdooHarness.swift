import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import Testing
import ScribeTestSupport

/// An Odoo sandbox served for real on loopback, spoken to raw over JSON-2.
struct OdooHarness {
    static let apiKey = "6578616d706c65206a736f6e20617069206b6579"
    /// 40 customers: every stored-number style (customer index % 7) appears several times.
    static let company = SandboxCompany(seed: 42, customerCount: 40)

    let sandbox: OdooSandbox
    let baseURL: String
    let httpClient: HTTPClient

    static func run<Value>(_ body: (OdooHarness) async throws -> Value) async throws -> Value {
        let httpClient = try HTTPClient.suite
        let sandbox = OdooSandbox(company: OdooHarness.company, apiKey: OdooHarness.apiKey, database: "sandbox")
        return try await withSandboxServer(name: "odoo-sandbox", router: sandbox.router()) { baseURL in
            try await body(OdooHarness(sandbox: sandbox, baseURL: baseURL, httpClient: httpClient))
        }
    }

    /// `POST /json/2/<model>/<method>` with `json` as the body and `Authorization: bearer <key>`.
    func call(_ model: String, _ method: String, _ json: String = "{}", key: String? = OdooHarness.apiKey, database: String? = nil) async throws -> ConnectorHTTPResponse {
        var headers = key.map { [("Authorization", "bearer \($0)")] } ?? []
        if let database { headers.append(("X-Odoo-Database", database)) }
        return try await self.httpClient.rawSandboxRequest(.POST, "\(self.baseURL)/json/2/\(model)/\(method)", headers: headers, json: json)
    }

    /// The ids of the partners `search` finds with `domain` (a JSON array).
    func partnerIDs(_ domain: String) async throws -> [Int] {
        let response = try await self.call("res.partner", "search", #"{"domain": \#(domain)}"#)
        return try #require(try response.jsonValue as? [Int], "status \(response.status)")
    }
}
