import Foundation
import Synchronization

/// The users and call outcomes a sandbox CRM lists: one user per employee of the sandbox company
/// (email `ext<number>@callscribe.test`, as the demo's people sign in, so agents map to owners by
/// email) plus one deactivated user, and HubSpot's six default dispositions plus one a portal admin
/// added. Tests change them with ``addDisposition(id:label:)`` and ``addUser(name:email:active:)``.
public final class SandboxCRMDirectory: Sendable {
    /// A CRM user as the sandboxes serve it; each sandbox renders it in its vendor's shape and id format.
    public struct User: Sendable, Hashable {
        /// 1-based, for the vendor's own id format.
        public var number: Int
        public var firstName: String
        public var lastName: String
        public var email: String
        public var active: Bool

        public var name: String { [self.firstName, self.lastName].filter { !$0.isEmpty }.joined(separator: " ") }
    }

    /// A call outcome as a HubSpot portal lists it.
    public struct Disposition: Sendable, Hashable {
        public var id: String
        public var label: String
    }

    /// HubSpot's defaults, the same GUIDs in every portal (B1 of the API facts).
    public static let hubSpotDefaults: [Disposition] = [
        Disposition(id: "9d9162e7-6cf3-4944-bf63-4dff82258764", label: "Busy"),
        Disposition(id: "f240bbac-87c9-4f6e-bf70-924b57d47db7", label: "Connected"),
        Disposition(id: "a4c4c377-d246-4b32-a13b-75a56a4cd0ff", label: "Left live message"),
        Disposition(id: "b2cf5968-551e-4856-9783-52b3da59a7d0", label: "Left voicemail"),
        Disposition(id: "73a0d17f-1163-4015-bdd5-ec830791da20", label: "No answer"),
        Disposition(id: "17b47fee-58de-441e-a44c-c6300d46f273", label: "Wrong number"),
    ]

    /// The portal-specific outcome every sandbox portal starts with.
    public static let portalDisposition = Disposition(id: "5c1b7e0a-3f1e-4c7b-9a51-0d7e2f6a9b31", label: "Meeting booked")

    private struct State {
        var users: [User]
        var dispositions: [Disposition]
        var callDispositionPicklist: [String]?
    }

    private let state: Mutex<State>

    init(company: SandboxCompany) {
        var users = company.employees.enumerated().map { index, employee in
            let parts = employee.name.split(separator: " ", maxSplits: 1).map(String.init)
            return User(number: index + 1, firstName: parts.first ?? employee.name, lastName: parts.count > 1 ? parts[1] : "", email: "ext\(employee.extensionNumber)@callscribe.test", active: true)
        }
        users.append(User(number: users.count + 1, firstName: "Former", lastName: "Employee", email: "former@callscribe.test", active: false))
        self.state = Mutex(State(users: users, dispositions: Self.hubSpotDefaults + [Self.portalDisposition]))
    }

    public var users: [User] { self.state.withLock { $0.users } }
    public var dispositions: [Disposition] { self.state.withLock { $0.dispositions } }

    /// Adds a user, numbered after the others; returns it.
    @discardableResult
    public func addUser(firstName: String, lastName: String, email: String, active: Bool = true) -> User {
        self.state.withLock { state in
            let user = User(number: state.users.count + 1, firstName: firstName, lastName: lastName, email: email, active: active)
            state.users.append(user)
            return user
        }
    }

    /// Adds a call outcome, as a portal admin would.
    public func addDisposition(id: String, label: String) {
        self.state.withLock { $0.dispositions.append(Disposition(id: id, label: label)) }
    }

    /// The values of a Salesforce org whose admin made the Task's `CallDisposition` a picklist; nil (the
    /// default) leaves it the standard free-text field.
    public var callDispositionPicklist: [String]? {
        get { self.state.withLock { $0.callDispositionPicklist } }
        set { self.state.withLock { $0.callDispositionPicklist = newValue } }
    }

    /// Removes the outcome labelled `label`.
    public func removeDisposition(label: String) {
        self.state.withLock { $0.dispositions.removeAll { $0.label == label } }
    }
}
