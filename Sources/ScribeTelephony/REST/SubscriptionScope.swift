/// What Callscribe's webhook subscription listens to.
public enum SubscriptionScope: String, Sendable, Hashable, CaseIterable {
    /// The account-level telephony-sessions filter: every extension, including ones added later.
    case account
    /// One extension-level filter per known extension, so only those extensions' calls are delivered.
    case extensions
}
