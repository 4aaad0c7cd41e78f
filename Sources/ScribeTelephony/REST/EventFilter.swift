import Foundation

/// The webhook event filters Callscribe subscribes to, and how to recognise them in RingCentral's
/// answers, which give them back with the account id in place of `~`.
public enum EventFilter {
    /// Every telephony session of the account (the account-level filter).
    public static let telephonySessions = "/restapi/v1.0/account/~/telephony/sessions"
    /// RingSense "insights ready" for RingEX voice calls.
    public static let pbxInsights = "/ai/ringsense/v1/public/accounts/~/domains/pbx/insights"

    /// The filters a subscription needs: telephony sessions always, insights when they are expected.
    public static func wanted(expectInsights: Bool) -> [String] {
        expectInsights ? [self.telephonySessions, self.pbxInsights] : [self.telephonySessions]
    }

    /// `filter` with any account id (after `account/` or `accounts/`) written as `~`, and without
    /// its query, so a filter we sent and the one RingCentral lists compare equal.
    public static func normalized(_ filter: String) -> String {
        let path = filter.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? filter
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for index in parts.indices.dropLast() where parts[index] == "account" || parts[index] == "accounts" {
            parts[index + 1] = "~"
        }
        return parts.joined(separator: "/")
    }

    /// Whether `subscribed` (as RingCentral lists them) are exactly `wanted`, account ids aside.
    public static func matches(_ subscribed: [String], _ wanted: [String]) -> Bool {
        Set(subscribed.map(self.normalized)) == Set(wanted.map(self.normalized))
    }

    /// Whether a delivery's `event` is RingSense insights (of any domain; the parser refuses non-pbx ones).
    public static func isInsights(_ event: String) -> Bool {
        self.normalized(event).hasPrefix("/ai/ringsense/")
    }
}
