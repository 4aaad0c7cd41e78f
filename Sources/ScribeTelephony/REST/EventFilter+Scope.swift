import ScribeCore

extension EventFilter {
    /// One extension's telephony sessions (the extension-level filter).
    public static func telephonySessions(of extensionID: ExtensionID) -> String {
        "/restapi/v1.0/account/~/extension/\(extensionID.rawValue)/telephony/sessions"
    }

    /// The most filters Callscribe puts in one subscription. RingCentral documents a limit of 30
    /// subscriptions per extension per app but none that we could find on filters per subscription;
    /// splitting anyway keeps each request and each subscription of a large account a sensible size.
    public static let filtersPerSubscription = 500

    /// The filters of each subscription Callscribe needs: for the account scope, the account-level
    /// telephony filter; for the extensions scope, one filter per extension (sorted, so the same
    /// extensions always give the same groups), split into groups of at most `limit`. The insights
    /// filter, when wanted, rides in the first group. Empty when there is nothing to listen to.
    public static func subscriptions(
        scope: SubscriptionScope, extensions: [ExtensionID], expectInsights: Bool, limit: Int = filtersPerSubscription
    ) -> [[String]] {
        let telephony: [String] = switch scope {
        case .account: [self.telephonySessions]
        case .extensions: Set(extensions).sorted { $0.rawValue < $1.rawValue }.map(self.telephonySessions(of:))
        }
        let filters = (expectInsights ? [self.pbxInsights] : []) + telephony
        let size = max(1, limit)
        return stride(from: 0, to: filters.count, by: size).map { Array(filters[$0..<min($0 + size, filters.count)]) }
    }
}
