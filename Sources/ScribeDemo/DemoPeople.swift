import Foundation
import ScribeApp
import ScribeCore
import ScribeSandbox

/// The people of the sandbox company who sign in to the demo's web app: one admin and one agent per
/// extension, all with the same demo password. Made once; a restarted demo finds them.
public enum DemoPeople {
    public static let password = "demo-password"
    public static let adminEmail = "admin@callscribe.test"

    /// The agent who takes extension `number`'s calls, e.g. `ext101@callscribe.test`.
    public static func agentEmail(extensionNumber number: String) -> String { "ext\(number)@callscribe.test" }

    /// Makes whoever is missing and returns every demo email.
    @discardableResult
    public static func ensure(_ stack: RunningSandboxStack) async throws -> [String] {
        let callscribe = stack.callscribe
        let accountID = await callscribe.account()
        var people: [(email: String, name: String, role: Role, extensionID: ExtensionID?)] = [(Self.adminEmail, "Ada Admin", .admin, nil)]
        for employee in stack.company.employees {
            people.append((Self.agentEmail(extensionNumber: employee.extensionNumber), employee.name, .agent, ExtensionID(employee.extensionID)))
        }
        for person in people where try await callscribe.people.credentials(email: person.email) == nil {
            _ = try await callscribe.createUser(
                email: person.email, name: person.name, password: Self.password, role: person.role, accountID: accountID, extensionID: person.extensionID
            )
        }
        return people.map(\.email)
    }
}
