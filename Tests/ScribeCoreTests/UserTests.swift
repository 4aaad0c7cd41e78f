import Foundation
import ScribeCore
import Testing

@Suite("User")
struct UserTests {
    static func key(account: AccountID = "acc-1", extension extensionID: ExtensionID) -> CallLogKey {
        CallLogKey(accountID: account, extensionID: extensionID, sessionID: "s-1", connectionID: "conn-1")
    }

    static let agent = User(id: "u-1", accountID: "acc-1", extensionID: "ext-101", email: "alex@example.com", name: "Alex", role: .agent)
    static let admin = User(id: "u-2", accountID: "acc-1", extensionID: nil, email: "ada@example.com", name: "Ada", role: .admin)

    struct Case: Sendable, CustomTestStringConvertible {
        var user: User
        var key: CallLogKey
        var sees: Bool
        var testDescription: String
    }

    static let cases: [Case] = [
        Case(user: agent, key: key(extension: "ext-101"), sees: true, testDescription: "an agent, their own extension's call"),
        Case(user: agent, key: key(extension: "ext-102"), sees: false, testDescription: "an agent, another extension's call"),
        Case(user: agent, key: key(account: "acc-2", extension: "ext-101"), sees: false, testDescription: "an agent, the same extension id in another account"),
        Case(user: admin, key: key(extension: "ext-102"), sees: true, testDescription: "an admin, any call of their account"),
        Case(user: admin, key: key(account: "acc-2", extension: "ext-102"), sees: false, testDescription: "an admin, another account's call"),
        Case(
            user: User(id: "u-3", accountID: "acc-1", extensionID: nil, email: "n@example.com", name: "No Phone", role: .agent),
            key: key(extension: "ext-101"), sees: false, testDescription: "an agent without an extension, any call"
        ),
    ]

    @Test("sees their own extension's calls, or as an admin every call of their account, and never another account's", arguments: cases)
    func canSee(check: Case) {
        #expect(check.user.canSee(check.key) == check.sees)
    }

    @Test("keeps the email lower-cased and knows admins by role")
    func emailAndRole() {
        let user = User(id: "u-1", accountID: "acc-1", extensionID: "ext-101", email: "Alex.Agent@Example.COM", name: "Alex", role: .agent)
        #expect(user.email == "alex.agent@example.com")
        #expect(!user.isAdmin)
        #expect(Self.admin.isAdmin)
    }
}
