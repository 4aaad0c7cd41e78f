import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeDemo
import Testing

/// A signed-in browser over real HTTP: the session cookie from the sign-in form, and the CSRF token
/// the pages carry.
struct BrowserSession {
    let baseURL: String
    let cookie: String
    let csrf: String

    struct Answer {
        var status: Int
        var body: String
        var headers: HTTPHeaders
    }

    /// Signs in through `POST /login` as a browser would.
    static func signIn(_ baseURL: String, email: String, password: String = DemoPeople.password) async throws -> BrowserSession {
        let form = "email=\(Self.formEncode(email))&password=\(Self.formEncode(password))"
        let answer = try await Self.request(.POST, baseURL + "/login", body: form, headers: [("Content-Type", "application/x-www-form-urlencoded")])
        #expect(answer.status == 303, "sign-in redirects")
        let setCookie = try #require(answer.headers["Set-Cookie"].first, "sign-in sets a cookie")
        let cookie = String(try #require(setCookie.split(separator: ";").first))
        let me = try await Self.request(.GET, baseURL + "/api/me", headers: [("Cookie", cookie)])
        struct Me: Decodable { var csrfToken: String }
        let csrf = try JSONDecoder().decode(Me.self, from: Data(me.body.utf8)).csrfToken
        return BrowserSession(baseURL: baseURL, cookie: cookie, csrf: csrf)
    }

    /// A request with the session cookie; `csrf` adds the page's token as a script would.
    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, csrf: Bool = true) async throws -> Answer {
        var headers = [("Cookie", self.cookie)]
        if csrf { headers.append(("X-CSRF-Token", self.csrf)) }
        if json != nil { headers.append(("Content-Type", "application/json")) }
        return try await Self.request(method, self.baseURL + path, body: json, headers: headers)
    }

    static func request(_ method: HTTPMethod, _ url: String, body: String? = nil, headers: [(String, String)] = []) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(Array(body.utf8)) }
        let response = try await Self.client.execute(request, timeout: .seconds(10))
        return Answer(status: Int(response.status.code), body: String(buffer: try await response.body.collect(upTo: 4 << 20)), headers: response.headers)
    }

    /// A client that shows redirects instead of following them, as the tests look at them.
    static let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))

    static func formEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
