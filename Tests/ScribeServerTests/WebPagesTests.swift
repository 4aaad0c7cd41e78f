import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The web app's pages over real HTTP: sign-in, what each person sees, and what they are refused.
/// (Headless Chromium drives the same pages in scripts/check-web-app.py.)
@Suite("Web pages")
struct WebPagesTests {
    static let agent = DemoPeople.agentEmail(extensionNumber: "101")

    @Test("signed out, every page sends the browser to sign in; a wrong password shows an error and no cookie")
    func signInRequired() async throws {
        try await StackHarness.withStack { stack in
            for path in ["/", "/live", "/settings", "/admin", "/calls/x"] {
                let answer = try await BrowserSession.request(.GET, stack.callscribeURL + path)
                #expect(answer.status == 303, "\(path)")
                #expect(answer.headers["Location"].first?.hasPrefix("/login") == true, "\(path)")
            }
            let login = try await BrowserSession.request(.GET, stack.callscribeURL + "/login")
            #expect(login.status == 200 && login.body.contains("<form id=\"login\""))
            let wrong = try await BrowserSession.request(
                .POST, stack.callscribeURL + "/login", body: "email=\(Self.agent)&password=nope-nope-nope", headers: [("Content-Type", "application/x-www-form-urlencoded")]
            )
            #expect(wrong.status == 401 && wrong.body.contains("class=\"error\"") && wrong.headers["Set-Cookie"].isEmpty)
            let offsite = try await BrowserSession.request(
                .POST, stack.callscribeURL + "/login", body: "email=\(Self.agent)&password=\(DemoPeople.password)&next=//evil.example",
                headers: [("Content-Type", "application/x-www-form-urlencoded")]
            )
            #expect(offsite.headers["Location"].first == "/", "sign-in never redirects off the site")
        }
    }

    @Test("an agent's pages: history of their calls, settings, live notes; the admin page is 403 and another's call 404")
    func agentPages() async throws {
        try await StackHarness.withStack { stack in
            let calls = StackHarness.endedCalls(10, stack: stack, seed: 5)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            let mine = try #require(stack.company.employees.first { $0.extensionNumber == "101" })
            let logs = try await stack.callscribe.store.callLogs(CallLogQuery(limit: 100))
            let other = try #require(logs.first { $0.key.extensionID.rawValue != mine.extensionID })

            let browser = try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent)
            let history = try await browser.send(.GET, "/")
            #expect(history.status == 200 && history.body.contains("<table id=\"calls\""))
            #expect(history.body.components(separatedBy: "<tr class=\"call ").count - 1 == logs.filter { $0.key.extensionID.rawValue == mine.extensionID }.count)
            #expect(!history.body.contains("id=\"nav-admin\""), "agents get no admin link")
            #expect(history.headers["Content-Security-Policy"].first?.contains("default-src 'self'") == true)
            #expect(history.headers["X-Content-Type-Options"].first == "nosniff")
            #expect(try await browser.send(.GET, "/admin").status == 403)
            let otherPage = try await browser.send(.GET, "/calls/\(other.id)")
            #expect(otherPage.status == 404 && !otherPage.body.contains(other.key.sessionID.rawValue))
            #expect(try await browser.send(.GET, "/settings").body.contains("<form id=\"settings\""))
            #expect(try await browser.send(.GET, "/live").body.contains("<ul id=\"live-calls\""))
            let rows = try await browser.send(.GET, "/?filter=unlogged&fragment=rows")
            #expect(!rows.body.contains("<html"), "the fragment is rows only")
        }
    }

    @Test("the admin page shows the policy form, people and coverage; a locked setting is disabled on the agent's page")
    func adminPages() async throws {
        try await StackHarness.withStack { stack in
            let admin = try await BrowserSession.signIn(stack.callscribeURL, email: DemoPeople.adminEmail)
            let page = try await admin.send(.GET, "/admin")
            #expect(page.status == 200)
            for marker in ["<form id=\"account-settings\"", "<table id=\"users\"", "<div id=\"coverage\"", "<form id=\"backfill\"", Self.agent] {
                #expect(page.body.contains(marker), "\(marker)")
            }
            #expect(try await admin.send(.PUT, "/api/admin/settings", json: #"{"defaults":{"mode":"all_at_once"},"locked":["mode"]}"#).status == 200)
            let agent = try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent)
            let settings = try await agent.send(.GET, "/settings")
            #expect(settings.body.contains("<select name=\"mode\" disabled>"))
            #expect(settings.body.contains("<span class=\"locked\""))
        }
    }

    @Test("the form logout with the page's CSRF field ends the session; without it nothing happens")
    func formLogout() async throws {
        try await StackHarness.withStack { stack in
            let browser = try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent)
            let forged = try await BrowserSession.request(
                .POST, stack.callscribeURL + "/logout", body: "csrf=wrong", headers: [("Cookie", browser.cookie), ("Content-Type", "application/x-www-form-urlencoded")]
            )
            #expect(forged.status == 403 && forged.body.contains("csrf_mismatch"))
            #expect(try await browser.send(.GET, "/api/me").status == 200, "a forged sign-out leaves the session")
            let real = try await BrowserSession.request(
                .POST, stack.callscribeURL + "/logout", body: "csrf=\(browser.csrf)", headers: [("Cookie", browser.cookie), ("Content-Type", "application/x-www-form-urlencoded")]
            )
            #expect(real.status == 303)
            #expect(try await browser.send(.GET, "/api/me").status == 401)
        }
    }

    @Test("the change stream tells a signed-in page when a call is logged")
    func changeStream() async throws {
        try await StackHarness.withStack { stack in
            let browser = try await BrowserSession.signIn(stack.callscribeURL, email: DemoPeople.adminEmail)
            let received = try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask { try await Self.firstEvent(browser) }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(1500))
                    let calls = StackHarness.endedCalls(1, stack: stack, seed: 5)
                    for call in calls { try stack.phone.place(call) }
                    for call in calls { await stack.phone.deliver(call, realTime: false) }
                    try await Task.sleep(for: .seconds(30))
                    return "timeout"
                }
                let first = try await group.next() ?? ""
                group.cancelAll()
                return first
            }
            #expect(received.contains("event: change"))
        }
    }

    /// Reads the stream until the first `change` event.
    static func firstEvent(_ browser: BrowserSession) async throws -> String {
        var request = HTTPClientRequest(url: browser.baseURL + "/api/stream")
        request.headers.add(name: "Cookie", value: browser.cookie)
        let response = try await BrowserSession.client.execute(request, timeout: .seconds(30))
        var text = ""
        for try await chunk in response.body {
            text += String(buffer: chunk)
            if text.contains("event: change") { return text }
        }
        return text
    }
}
