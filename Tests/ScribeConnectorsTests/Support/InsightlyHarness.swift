import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import ScribeTestSupport

/// An Insightly sandbox served for real on loopback, spoken to with HTTP Basic as Insightly's clients do.
struct InsightlyHarness {
    static let apiKey = "insightly-sandbox-key-7d20"
    static let company = SandboxCompany(seed: 42, customerCount: 40)

    let sandbox: InsightlySandbox
    let baseURL: String
    let httpClient: HTTPClient

    static func run<Value>(_ body: (InsightlyHarness) async throws -> Value) async throws -> Value {
        let httpClient = try HTTPClient.suite
        let sandbox = InsightlySandbox(company: InsightlyHarness.company, apiKey: InsightlyHarness.apiKey)
        return try await withSandboxServer(name: "insightly-sandbox", router: sandbox.router()) { baseURL in
            try await body(InsightlyHarness(sandbox: sandbox, baseURL: baseURL, httpClient: httpClient))
        }
    }

    /// `Basic base64("<key>:")`: the key as user name, an empty password.
    static func basic(_ key: String) -> String {
        "Basic " + Data("\(key):".utf8).base64EncodedString()
    }

    func raw(_ method: HTTPMethod, _ path: String, json: String? = nil, key: String? = InsightlyHarness.apiKey) async throws -> ConnectorHTTPResponse {
        let headers = key.map { [("Authorization", InsightlyHarness.basic($0))] } ?? []
        return try await self.httpClient.rawSandboxRequest(method, self.baseURL + path, headers: headers, json: json)
    }

    /// `GET /v3.1/<entity>/search?field_name=…&field_value=…&brief=false`.
    func search(_ entity: String, _ field: String, _ value: String) async throws -> ConnectorHTTPResponse {
        try await self.raw(.GET, "/v3.1/\(entity)/search?field_name=\(field)&field_value=\(StrictPercentEncoding.encode(value))&brief=false")
    }

    /// Creates an event with `TITLE` and `LOCATION` (the marker) and returns its id.
    func createEvent(title: String = "Inbound call from Alice", location: String) async throws -> Int {
        let response = try await self.raw(
            .POST, "/v3.1/events",
            json: #"{"TITLE":"\#(title)","LOCATION":"\#(location)","DETAILS":"Talked about the renewal","START_DATE_UTC":"2026-03-02T10:00:00.000Z","END_DATE_UTC":"2026-03-02T10:05:00.000Z"}"#
        )
        guard response.status == 201, let id = try response.jsonObject["EVENT_ID"] as? Int else { throw CocoaError(.coderReadCorrupt) }
        return id
    }
}
