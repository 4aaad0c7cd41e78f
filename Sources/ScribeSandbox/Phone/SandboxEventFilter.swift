import Foundation

/// The event filters the sandbox phone system delivers for, and which of them a subscription has.
enum SandboxEventFilter: Sendable, Hashable {
    /// Telephony-session events (account or extension level).
    case telephonySessions
    /// RingSense "insights ready" for voice calls (domain `pbx`).
    case pbxInsights

    /// The kind of `filter`, with `~` or an account id; nil for one the sandbox does not deliver.
    static func kind(of filter: String) -> SandboxEventFilter? {
        let path = filter.split(separator: "?").first.map(String.init) ?? filter
        let parts = path.split(separator: "/").map(String.init)
        if parts.starts(with: ["restapi", "v1.0", "account"]), path.hasSuffix("/telephony/sessions") { return .telephonySessions }
        // ai/ringsense/v1/public/accounts/{account}/domains/pbx/insights
        if parts.count == 9, parts.starts(with: ["ai", "ringsense", "v1", "public", "accounts"]), parts[6] == "domains", parts[7] == "pbx", parts[8] == "insights" {
            return .pbxInsights
        }
        return nil
    }
}

extension PhoneSystemSandbox.Subscription {
    /// Whether this subscription asked for events of `kind`.
    func wants(_ kind: SandboxEventFilter) -> Bool {
        self.eventFilters.contains { SandboxEventFilter.kind(of: $0) == kind }
    }
}

extension PhoneSystemSandbox.Subscription {
    /// The `event` URI of a telephony-session delivery about `extensionID`'s party, or nil when no
    /// filter of this subscription covers that extension: the account-level filter covers every
    /// extension; `…/extension/{id}/telephony/sessions` only its own (`~` being the subscriber's).
    func telephonyEvent(covering extensionID: String, accountID: String, ownerExtensionID: String) -> String? {
        for filter in self.eventFilters where SandboxEventFilter.kind(of: filter) == .telephonySessions {
            let path = filter.split(separator: "?").first.map(String.init) ?? filter
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count >= 4, parts[3] == "~" || parts[3] == accountID else { continue }
            if parts.count == 6 {
                return "/restapi/v1.0/account/\(accountID)/telephony/sessions"
            }
            if parts.count == 8, parts[4] == "extension", (parts[5] == "~" ? ownerExtensionID : parts[5]) == extensionID {
                return "/restapi/v1.0/account/\(accountID)/extension/\(extensionID)/telephony/sessions"
            }
        }
        return nil
    }
}
