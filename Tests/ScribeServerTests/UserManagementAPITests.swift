import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// People looking after their own and each other's access: changing a password, an admin editing,
/// resetting or removing a person, over loopback HTTP.
@Suite("User management API", .serialized)
struct UserManagementAPITests {
    static let agent = DemoPeople.agentEmail(extensionNumber: "101")
    static let newPassword = "a-much-longer-secret"

    struct UserBody: Decodable { var id: String; var email: String; var role: String; var extensionId: String?; var name: String }
    struct Users: Decodable { var users: [UserBody] }

    static func user(_ email: String, _ stack: RunningSandboxStack) async throws -> UserBody {
        let listed = try JSONDecoder().decode(Users.self, from: Data(try await StackHarness.send(.GET, stack, "/api/admin/users").body.utf8))
        return try #require(listed.users.first { $0.email == email })
    }

    static func field(_ body: String) -> String? {
        struct ErrorBody: Decodable { struct Detail: Decodable { var field: String? }; var error: Detail }
        return try? JSONDecoder().decode(ErrorBody.self, from: Data(body.utf8)).error.field
    }

    @Test("a person changes their password: the current one is checked, their other sessions end, this one stays")
    func changePassword() async throws {
        try await StackHarness.withStack { stack in
            let here = try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent)
            let elsewhere = try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent)

            let wrong = try await here.send(.PUT, "/api/me/password", json: #"{"currentPassword":"guess-guess-guess","newPassword":"\#(Self.newPassword)"}"#)
            #expect(wrong.status == 400 && Self.field(wrong.body) == "currentPassword")
            let short = try await here.send(.PUT, "/api/me/password", json: #"{"currentPassword":"\#(DemoPeople.password)","newPassword":"short"}"#)
            #expect(short.status == 400 && Self.field(short.body) == "newPassword")
            let noCSRF = try await here.send(.PUT, "/api/me/password", json: #"{"currentPassword":"\#(DemoPeople.password)","newPassword":"\#(Self.newPassword)"}"#, csrf: false)
            #expect(noCSRF.status == 403)
            #expect(try await elsewhere.send(.GET, "/api/me").status == 200, "nothing changed yet")

            let changed = try await here.send(.PUT, "/api/me/password", json: #"{"currentPassword":"\#(DemoPeople.password)","newPassword":"\#(Self.newPassword)"}"#)
            #expect(changed.status == 204)
            #expect(try await here.send(.GET, "/api/me").status == 200, "the session it was changed in stays")
            #expect(try await elsewhere.send(.GET, "/api/me").status == 401, "another session ends")
            let old = try await BrowserSession.request(
                .POST, stack.callscribeURL + "/api/auth/login", body: #"{"email":"\#(Self.agent)","password":"\#(DemoPeople.password)"}"#,
                headers: [("Content-Type", "application/json")]
            )
            #expect(old.status == 401)
            #expect(try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent, password: Self.newPassword).send(.GET, "/api/me").status == 200)
        }
    }

    @Test("an admin changes a person's role and extension; bad input names the field; the account keeps an admin")
    func editUser() async throws {
        try await StackHarness.withStack { stack in
            let agent = try await Self.user(Self.agent, stack)
            let other = try #require(stack.company.employees.first { $0.extensionNumber == "102" })

            let badExtension = try await StackHarness.send(.PATCH, stack, "/api/admin/users/\(agent.id)", json: #"{"extensionId":"999"}"#)
            #expect(badExtension.status == 400 && Self.field(badExtension.body) == "extensionId")
            let unknownField = try await StackHarness.send(.PATCH, stack, "/api/admin/users/\(agent.id)", json: #"{"email":"x@y.z"}"#)
            #expect(unknownField.status == 400 && Self.field(unknownField.body) == "email")
            let blank = try await StackHarness.send(.PATCH, stack, "/api/admin/users/\(agent.id)", json: #"{"name":"  "}"#)
            #expect(blank.status == 400 && Self.field(blank.body) == "name")
            #expect(try await Self.user(Self.agent, stack).name == agent.name, "nothing half-saved")

            let moved = try await StackHarness.send(
                .PATCH, stack, "/api/admin/users/\(agent.id)", json: #"{"role":"admin","extensionId":"\#(other.extensionID)","name":"Alex Moved"}"#
            )
            #expect(moved.status == 200)
            let now = try await Self.user(Self.agent, stack)
            #expect(now.role == "admin" && now.extensionId == other.extensionID && now.name == "Alex Moved")
            #expect(try await StackHarness.send(.PATCH, stack, "/api/admin/users/\(agent.id)", json: #"{"extensionId":""}"#).status == 200)
            #expect(try await Self.user(Self.agent, stack).extensionId == nil)

            let admin = try await Self.user(DemoPeople.adminEmail, stack)
            #expect(try await StackHarness.send(.PATCH, stack, "/api/admin/users/\(admin.id)", json: #"{"role":"agent"}"#).status == 200, "another admin is left")
            let last = try await StackHarness.send(.PATCH, stack, "/api/admin/users/\(agent.id)", json: #"{"role":"agent"}"#, as: Self.agent)
            #expect(last.status == 409 && last.body.contains("only admin"))
            #expect(try await StackHarness.send(.PATCH, stack, "/api/admin/users/no-such-user", json: "{}", as: Self.agent).status == 404)
        }
    }

    @Test("an admin resets a forgotten password: the person's sessions end and the new password signs in")
    func resetPassword() async throws {
        try await StackHarness.withStack { stack in
            let session = try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent)
            let agent = try await Self.user(Self.agent, stack)
            let short = try await StackHarness.send(.PUT, stack, "/api/admin/users/\(agent.id)/password", json: #"{"newPassword":"short"}"#)
            #expect(short.status == 400 && Self.field(short.body) == "newPassword")
            #expect(try await session.send(.GET, "/api/me").status == 200)

            #expect(try await StackHarness.send(.PUT, stack, "/api/admin/users/\(agent.id)/password", json: #"{"newPassword":"\#(Self.newPassword)"}"#).status == 204)
            #expect(try await session.send(.GET, "/api/me").status == 401)
            #expect(try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent, password: Self.newPassword).send(.GET, "/api/me").status == 200)
        }
    }

    @Test("an admin removes a person: they can no longer sign in or use a token; their calls stay; an admin cannot remove themselves")
    func removeUser() async throws {
        try await StackHarness.withStack { stack in
            let calls = StackHarness.endedCalls(6, stack: stack, seed: 5)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            let before = try await stack.callscribe.store.callLogs(CallLogQuery(limit: 1000)).count

            let session = try await BrowserSession.signIn(stack.callscribeURL, email: Self.agent)
            #expect(try await session.send(.POST, "/api/tokens", json: #"{"name":"script"}"#).status == 201)
            let agent = try await Self.user(Self.agent, stack)
            #expect(try await StackHarness.send(.DELETE, stack, "/api/admin/users/\(agent.id)").status == 204)
            #expect(try await session.send(.GET, "/api/me").status == 401)
            let again = try await BrowserSession.request(
                .POST, stack.callscribeURL + "/api/auth/login", body: #"{"email":"\#(Self.agent)","password":"\#(DemoPeople.password)"}"#,
                headers: [("Content-Type", "application/json")]
            )
            #expect(again.status == 401)
            #expect(try await stack.callscribe.store.callLogs(CallLogQuery(limit: 1000)).count == before, "the calls stay")
            #expect(try await stack.callscribe.people.apiTokens(of: UserID(agent.id)).isEmpty)

            let admin = try await Self.user(DemoPeople.adminEmail, stack)
            let yourself = try await StackHarness.send(.DELETE, stack, "/api/admin/users/\(admin.id)")
            #expect(yourself.status == 409 && yourself.body.contains("yourself"))
            #expect(try await StackHarness.send(.DELETE, stack, "/api/admin/users/\(agent.id)").status == 404)
        }
    }
}
