import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import ScribeTestSupport

/// A Clio sandbox served for real on loopback, spoken to as Clio's clients do.
struct ClioHarness {
    static let token = "clio-sandbox-test-token-51c2"
    /// 40 customers: every stored-number style (customer index % 7) appears several times.
    static let company = SandboxCompany(seed: 42, customerCount: 40)

    let sandbox: ClioSandbox
    let baseURL: String
    let httpClient: HTTPClient

    static func run<Value>(_ body: (ClioHarness) async throws -> Value) async throws -> Value {
        let httpClient = try HTTPClient.suite
        let sandbox = ClioSandbox(company: ClioHarness.company, accessToken: ClioHarness.token)
        return try await withSandboxServer(name: "clio-sandbox", router: sandbox.router()) { baseURL in
            try await body(ClioHarness(sandbox: sandbox, baseURL: baseURL, httpClient: httpClient))
        }
    }

    /// `path` (or a full URL, as `meta.paging.next` gives) with `Authorization: Bearer <token>` unless `token` is nil.
    func raw(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = ClioHarness.token) async throws -> ConnectorHTTPResponse {
        let headers = token.map { [("Authorization", "Bearer \($0)")] } ?? []
        return try await self.httpClient.rawSandboxRequest(method, path.hasPrefix("http") ? path : self.baseURL + path, headers: headers, json: json)
    }

    /// `/api/v4/contacts.json?query=<text>&fields=…`, the text percent-encoded as a client would.
    func searchContacts(_ text: String, fields: String = "id,name,primary_phone_number") async throws -> ConnectorHTTPResponse {
        try await self.raw(.GET, "/api/v4/contacts.json?query=\(StrictPercentEncoding.encode(text))&fields=\(StrictPercentEncoding.encode(fields))")
    }

    /// The `data` of a Clio answer.
    static func data(_ response: ConnectorHTTPResponse) throws -> Any? {
        try response.jsonObject["data"]
    }
}

extension ConnectorHTTPResponse {
    /// The body as a JSON array (Insightly's list answers), for assertions.
    var jsonArray: [[String: Any]] {
        get throws {
            let object = try JSONSerialization.jsonObject(with: Data(self.body.readableBytesView))
            guard let array = object as? [[String: Any]] else { throw CocoaError(.coderReadCorrupt) }
            return array
        }
    }
}
