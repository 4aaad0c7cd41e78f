import ScribeCore

/// Who asks: a signed-in person (limited to what they may see), or the operator at the server's
/// console (the CLI, with the ledger file in hand, sees everything).
public enum Requester: Sendable {
    case person(User)
    case console

    /// Whether the requester may see and act on the log with `key`.
    public func canSee(_ key: CallLogKey) -> Bool {
        switch self {
        case .person(let user): user.canSee(key)
        case .console: true
        }
    }

    /// Narrows a call-history query to what the requester may see: their own calls, or their
    /// account's for an admin (who may ask for one extension's).
    public func scope(_ query: CallLogQuery) -> CallLogQuery {
        guard case .person(let user) = self else { return query }
        var scoped = query
        scoped.accountID = user.accountID
        if !user.isAdmin {
            // A person with no extension takes no calls, so sees none: match an id no extension has.
            scoped.extensionID = user.extensionID ?? ExtensionID("")
        }
        return scoped
    }
}
