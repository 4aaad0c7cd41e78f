import Hummingbird
import ScribeApp
import ScribeCore

/// The request context of every route: Hummingbird's core plus who is asking.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``Authentication`` from a session cookie or an API token.
    var caller: Caller?
    /// A session cookie came but its session is over: the answer says "expired", not "sign in".
    var sessionExpired = false

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// The signed-in caller, or the reason there is none.
    func requireCaller() throws(AccessError) -> Caller {
        guard let caller else { throw self.sessionExpired ? .sessionExpired : .notSignedIn }
        return caller
    }

    /// The signed-in person.
    func requireUser() throws(AccessError) -> User {
        try self.requireCaller().user
    }

    /// The signed-in person, who must be an admin.
    func requireAdmin() throws(AccessError) -> User {
        let user = try self.requireUser()
        guard user.isAdmin else { throw .adminOnly }
        return user
    }
}
