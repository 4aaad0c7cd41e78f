import Foundation
import HTTPTypes
import Hummingbird
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import ScribeServer
import Testing

/// Who may do what over the API: signed-out callers get 401 everywhere, agents see and change only
/// their own calls, admin endpoints refuse agents, and cookie sessions need the CSRF token.
@Suite("API access control")
struct AccessAPITests {
    static let agent = DemoPeople.agentEmail(extensionNumber: "101")

    /// Every signed-in API operation (as the router names it), with a body where it needs one.
    static let protectedRoutes: [(HTTPMethod, String, String?)] = [
        (.POST, "/api/auth/logout", nil), (.GET, "/api/me", nil), (.GET, "/api/tokens", nil), (.POST, "/api/tokens", #"{"name":"x"}"#),
        (.DELETE, "/api/tokens/{id}", nil), (.GET, "/api/calls", nil), (.GET, "/api/live", nil), (.GET, "/api/stream", nil),
        (.GET, "/api/logs/{id}", nil), (.GET, "/api/logs/{id}/related", nil), (.GET, "/api/logs/{id}/fields", nil), (.GET, "/api/logs/{id}/dispositions", nil), (.POST, "/api/logs/{id}/log", "{}"),
        (.POST, "/api/logs/{id}/retry", nil), (.PUT, "/api/calls/{session}/extensions/{extension}/notes", #"{"text":"x"}"#), (.GET, "/api/settings", nil),
        (.PUT, "/api/settings", "{}"), (.GET, "/api/admin/settings", nil), (.PUT, "/api/admin/settings", "{}"), (.GET, "/api/admin/users", nil),
        (.POST, "/api/admin/users", "{}"), (.PATCH, "/api/admin/users/{id}", "{}"), (.DELETE, "/api/admin/users/{id}", nil),
        (.PUT, "/api/admin/users/{id}/password", #"{"newPassword":"x"}"#), (.PUT, "/api/me/password", #"{"currentPassword":"x","newPassword":"y"}"#),
        (.GET, "/api/extensions", nil), (.GET, "/api/connections", nil), (.GET, "/api/contacts", nil),
        (.GET, "/api/coverage", nil), (.GET, "/api/backfill", nil), (.POST, "/api/backfill", #"{"since":"2026-01-01"}"#),
    ]

    /// API routes anyone may call: signing in, and a recording link (its signature is the permission).
    static let publicRoutes: Set = ["POST /api/auth/login", "GET /recordings/{id}"]

    /// The routes as requests: each path parameter `x`, and the query the contact search needs.
    static var protectedOperations: [(HTTPMethod, String, String?)] {
        protectedRoutes.map { method, template, body in
            let path = template.replacingOccurrences(of: #"\{[a-z]+\}"#, with: "x", options: .regularExpression)
            return (method, path == "/api/contacts" ? path + "?phone=1" : path, body)
        }
    }

    @Test("the access checks cover every API route the router has")
    func coversEveryRoute() async throws {
        try await StackHarness.withStack { stack in
            let routes = Set(buildRouter(stack.callscribe).routes.map { "\($0.method.rawValue) \($0.path.description)" }.filter { $0.contains(" /api/") || $0.contains(" /recordings/") })
            let checked = Set(Self.protectedRoutes.map { "\($0.0.rawValue) \($0.1)" })
            #expect(routes.subtracting(Self.publicRoutes) == checked, "unchecked: \(routes.subtracting(Self.publicRoutes).subtracting(checked).sorted())")
        }
    }

    static func isAdminOnly(_ path: String) -> Bool {
        path.hasPrefix("/api/admin/") || path.hasPrefix("/api/coverage") || path.hasPrefix("/api/backfill")
    }

    @Test("every API operation answers 401 with a JSON error to a caller with no credentials, and to a bad API token")
    func signedOut() async throws {
        try await StackHarness.withStack { stack in
            for (method, path, body) in Self.protectedOperations {
                let answer = try await StackHarness.send(method, stack, path, json: body, as: nil)
                #expect(answer.status == 401, "\(method) \(path)")
                #expect(answer.body.contains("\"code\":\"not_signed_in\""), "\(method) \(path): \(answer.body)")
                let forged = try await StackHarness.send(method, stack, path, json: body, as: nil, headers: [("Authorization", "Bearer cst_forged")])
                #expect(forged.status == 401 && forged.body.contains("invalid_api_token"), "\(method) \(path)")
            }
        }
    }

    @Test("admin endpoints refuse an agent with 403 and accept an admin")
    func adminOnly() async throws {
        try await StackHarness.withStack { stack in
            for (method, path, body) in Self.protectedOperations where Self.isAdminOnly(path) {
                let answer = try await StackHarness.send(method, stack, path, json: body, as: Self.agent)
                #expect(answer.status == 403 && answer.body.contains("admin_only"), "\(method) \(path): \(answer.status)")
            }
            #expect(try await StackHarness.send(.GET, stack, "/api/admin/users").status == 200)
            #expect(try await StackHarness.send(.GET, stack, "/api/admin/settings").status == 200)
        }
    }

    @Test("an agent sees only their own calls and cannot read, log, retry or write notes on another's; an admin sees all")
    func agentsSeeOnlyTheirCalls() async throws {
        try await StackHarness.withStack { stack in
            let calls = StackHarness.endedCalls(12, stack: stack, seed: 5)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            let mine = try #require(stack.company.employees.first { $0.extensionNumber == "101" })
            let everyone = try await stack.callscribe.store.callLogs(CallLogQuery(limit: 1000))
            let others = everyone.filter { $0.key.extensionID.rawValue != mine.extensionID }
            let other = try #require(others.first, "the seed gives calls to other extensions")

            struct Listing: Decodable {
                struct Entry: Decodable { var id: String; var extensionId: String }
                var calls: [Entry]
            }
            let listed = try JSONDecoder().decode(Listing.self, from: Data(try await StackHarness.send(.GET, stack, "/api/calls", as: Self.agent).body.utf8))
            #expect(listed.calls.allSatisfy { $0.extensionId == mine.extensionID })
            #expect(listed.calls.count == everyone.count - others.count)
            let all = try JSONDecoder().decode(Listing.self, from: Data(try await StackHarness.send(.GET, stack, "/api/calls?limit=1000").body.utf8))
            #expect(all.calls.count == everyone.count)

            #expect(try await StackHarness.send(.GET, stack, "/api/logs/\(other.id)", as: Self.agent).status == 404)
            #expect(try await StackHarness.send(.GET, stack, "/api/logs/\(other.id)/related", as: Self.agent).status == 404)
            #expect(try await StackHarness.send(.GET, stack, "/api/logs/\(other.id)/fields", as: Self.agent).status == 404)
            #expect(try await StackHarness.send(.POST, stack, "/api/logs/\(other.id)/log", json: #"{"notes":"hi"}"#, as: Self.agent).status == 404)
            #expect(try await StackHarness.send(.POST, stack, "/api/logs/\(other.id)/retry", as: Self.agent).status == 404)
            let notes = try await StackHarness.send(
                .PUT, stack, "/api/calls/\(other.key.sessionID)/extensions/\(other.key.extensionID)/notes", json: #"{"text":"not mine"}"#, as: Self.agent
            )
            #expect(notes.status == 403 && notes.body.contains("not_your_call"))
            let content = try await stack.callscribe.store.content(session: other.key.sessionID, extension: other.key.extensionID)
            #expect(content.notes == nil, "nothing was saved")
            #expect(try await StackHarness.send(.GET, stack, "/api/logs/\(other.id)").status == 200, "an admin sees it")
        }
    }

    @Test("a cookie session needs the CSRF token for changes; the cookie is HttpOnly and SameSite; sign-out ends it")
    func cookieSessions() async throws {
        try await StackHarness.withStack { stack in
            let wrong = try await BrowserSession.request(
                .POST, stack.callscribeURL + "/api/auth/login", body: #"{"email":"\#(Self.agent)","password":"wrong-password"}"#,
                headers: [("Content-Type", "application/json")]
            )
            #expect(wrong.status == 401 && wrong.body.contains("sign_in_failed") && wrong.headers["Set-Cookie"].isEmpty)

            let login = try await BrowserSession.request(
                .POST, stack.callscribeURL + "/api/auth/login", body: #"{"email":"\#(Self.agent.uppercased())","password":"\#(DemoPeople.password)"}"#,
                headers: [("Content-Type", "application/json")]
            )
            #expect(login.status == 200)
            let cookie = try #require(login.headers["Set-Cookie"].first)
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))

            let browser = try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent)
            let noToken = try await browser.send(.PUT, "/api/settings", json: #"{"autoLog":false}"#, csrf: false)
            #expect(noToken.status == 403 && noToken.body.contains("csrf_mismatch"))
            let withToken = try await browser.send(.PUT, "/api/settings", json: #"{"autoLog":false}"#)
            #expect(withToken.status == 200)

            let signOut = try await browser.send(.POST, "/api/auth/logout")
            #expect(signOut.status == 204)
            let after = try await browser.send(.GET, "/api/me")
            #expect(after.status == 401 && after.body.contains("session_expired"))
        }
    }

    @Test("API tokens act as their person until revoked; the token is shown once and never listed")
    func apiTokens() async throws {
        try await StackHarness.withStack { stack in
            let browser = try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent)
            let made = try await browser.send(.POST, "/api/tokens", json: #"{"name":"my script"}"#)
            #expect(made.status == 201)
            struct NewToken: Decodable {
                struct Record: Decodable { var id: String }
                var token: String
                var record: Record
            }
            let token = try JSONDecoder().decode(NewToken.self, from: Data(made.body.utf8))
            let me = try await BrowserSession.request(.GET, stack.callscribeURL + "/api/me", headers: [("Authorization", "Bearer \(token.token)")])
            #expect(me.status == 200 && me.body.contains(Self.agent))
            let listed = try await browser.send(.GET, "/api/tokens")
            #expect(listed.body.contains("my script") && !listed.body.contains(token.token))
            #expect(try await browser.send(.DELETE, "/api/tokens/\(token.record.id)").status == 204)
            let revoked = try await BrowserSession.request(.GET, stack.callscribeURL + "/api/me", headers: [("Authorization", "Bearer \(token.token)")])
            #expect(revoked.status == 401)
            #expect(try await browser.send(.DELETE, "/api/tokens/\(token.record.id)").status == 404)
        }
    }
}
