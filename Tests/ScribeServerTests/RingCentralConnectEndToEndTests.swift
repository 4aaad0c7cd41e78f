import AsyncHTTPClient
import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import ScribeTelephony
import Testing

/// A server configured for the authorization-code grant: it runs but waits until an admin connects
/// RingCentral through the browser redirect flow, then logs calls.
@Suite("Connecting RingCentral with the authorization-code grant")
struct RingCentralConnectEndToEndTests {
    static let adminEmail = "owner@example.com"
    static let adminPassword = "a long enough password"

    static var settings: [String: String] {
        [
            Setting.ringCentralAuth.name: "authorization_code", Setting.ringCentralJWT.name: "",
            Setting.adminEmail.name: Self.adminEmail, Setting.adminPassword.name: Self.adminPassword,
        ]
    }

    @Test("an admin connects RingCentral through the redirects (state checked once), then calls get logged")
    func connectThenLog() async throws {
        try await StackHarness.withSandboxes(settings: Self.settings) { sandboxes, options in
            try await SandboxStack.runCallscribe(options, on: sandboxes) { stack in
                // Not connected: the server answers, the first admin can sign in, nothing reaches RingCentral's API.
                try await StackHarness.eventually("the first admin is made") {
                    try await stack.callscribe.people.credentials(email: Self.adminEmail) != nil
                }
                #expect(await stack.callscribe.ringCentralConnectionState() == .notConnected)
                #expect(stack.phone.subscriptionCount == 0)
                let browser = try await BrowserSession.signIn(stack.callscribeURL, email: Self.adminEmail, password: Self.adminPassword)
                let before = try await browser.send(.GET, "/admin", csrf: false)
                #expect(before.body.contains("data-state=\"not-connected\""))
                #expect(before.body.contains("href=\"/ringcentral/connect\""))

                // The admin's browser: Callscribe → RingCentral's sign-in page → back to the callback.
                let connect = try await browser.send(.GET, "/ringcentral/connect", csrf: false)
                #expect(connect.status == 302)
                let authorize = try #require(connect.headers.first(name: "Location"))
                #expect(authorize.hasPrefix(stack.phoneURL + "/restapi/oauth/authorize?response_type=code&client_id="))
                let asked = URLComponents(string: authorize)?.queryItems ?? []
                #expect(asked.first { $0.name == "redirect_uri" }?.value == stack.callscribeURL + "/ringcentral/callback")
                #expect(asked.first { $0.name == "state" }?.value?.count ?? 0 >= 40, "an unguessable state")
                let approved = try await BrowserSession.request(.GET, authorize)
                #expect(approved.status == 302)
                let callback = try #require(approved.headers.first(name: "Location"))
                #expect(callback.hasPrefix(stack.callscribeURL + "/ringcentral/callback?code="))

                // Another session cannot use this sign-in's state.
                let other = try await BrowserSession.signIn(stack.callscribeURL, email: Self.adminEmail, password: Self.adminPassword)
                let stolen = try await BrowserSession.request(.GET, callback, headers: [("Cookie", other.cookie)])
                #expect(stolen.status == 400)
                #expect(stack.phone.tokenGrants["authorization_code"] == nil)

                // The state was spent by that attempt: the admin starts again, and this time completes.
                let again = try await browser.send(.GET, "/ringcentral/connect", csrf: false)
                let approvedAgain = try await BrowserSession.request(.GET, try #require(again.headers.first(name: "Location")))
                let callbackAgain = try #require(approvedAgain.headers.first(name: "Location"))
                let done = try await BrowserSession.request(.GET, callbackAgain, headers: [("Cookie", browser.cookie)])
                #expect(done.status == 303)
                #expect(done.headers.first(name: "Location") == "/admin?ringcentral=connected")
                #expect(stack.phone.tokenGrants["authorization_code"] == 1)
                let replay = try await BrowserSession.request(.GET, callbackAgain, headers: [("Cookie", browser.cookie)])
                #expect(replay.status == 400, "a state is good once")

                // Connected: start-up carries on, subscribes, and the admin joins the phone system's account.
                try await stack.waitUntilSubscribed()
                let after = try await browser.send(.GET, "/admin", csrf: false)
                #expect(after.body.contains("data-state=\"connected\""))
                try await StackHarness.eventually("the admin joins the account") {
                    try await stack.callscribe.people.credentials(email: Self.adminEmail)?.user.accountID.rawValue == stack.company.accountID
                }

                let calls = StackHarness.endedCalls(6, company: stack.company, seed: 5)
                for call in calls { try stack.phone.place(call) }
                for call in calls { await stack.phone.deliver(call, realTime: false) }
                let counts = try await StackHarness.settledCounts(stack, expected: calls.count)
                #expect(counts["logged", default: 0] > 0)
                #expect(stack.crm.calls.count == counts["logged", default: 0])
                #expect(stack.phone.tokenGrants["urn:ietf:params:oauth:grant-type:jwt-bearer"] == nil, "no JWT was used")
            }
        }
    }

    @Test("a refused refresh token shows on the admin page as a connection to renew")
    func reauthorizationShown() async throws {
        // The subscription check, every 5 s, is what meets the refusal.
        let settings = Self.settings.merging([Setting.subscriptionCheck.name: "5"]) { _, new in new }
        try await StackHarness.withSandboxes(settings: settings) { sandboxes, options in
            try await SandboxStack.runCallscribe(options, on: sandboxes) { stack in
                try await StackHarness.eventually("the first admin is made") {
                    try await stack.callscribe.people.credentials(email: Self.adminEmail) != nil
                }
                let browser = try await BrowserSession.signIn(stack.callscribeURL, email: Self.adminEmail, password: Self.adminPassword)
                let connect = try await browser.send(.GET, "/ringcentral/connect", csrf: false)
                let approved = try await BrowserSession.request(.GET, try #require(connect.headers.first(name: "Location")))
                _ = try await BrowserSession.request(.GET, try #require(approved.headers.first(name: "Location")), headers: [("Cookie", browser.cookie)])
                try await stack.waitUntilSubscribed()
                stack.phone.expireRefreshTokens()
                stack.phone.expireAccessTokens()
                // The next request to RingCentral meets a 401, then a refused refresh.
                try await StackHarness.eventually("the admin page says to connect again") {
                    let page = try await browser.send(.GET, "/admin", csrf: false)
                    return page.body.contains("data-state=\"needs-reauthorization\"") && page.body.contains("Connect RingCentral again")
                }
                let refusals = stack.phone.tokenRequestCount
                try await Task.sleep(for: .seconds(6))
                #expect(stack.phone.tokenRequestCount == refusals, "a refused refresh token is not sent again")
            }
        }
    }
}
