import Foundation
import ScribeCore

/// A person's settings page: what is in force for them, what they chose, and what their admin locked.
public struct SettingsView: Codable, Sendable, Hashable {
    /// Every setting's value as it applies to this person's calls.
    public var inForce: PersonalSettings
    /// Only what they chose themselves.
    public var chosen: PersonalSettings
    public var locked: [SettingName]
    /// Off when the admin turned server-side logging off for the account (or for everyone but admins, on trial).
    public var serverLogging: Bool
}

extension Callscribe {
    /// The settings page of `user`.
    public func settingsView(for user: User) async throws -> SettingsView {
        let account = try await self.people.accountSettings(of: user.accountID)
        let chosen = try await self.people.personalSettings(of: user.id)
        let inForce = self.configuration.logging.resolved(account: account, person: chosen, personIsAdmin: user.isAdmin).personal
        return SettingsView(
            inForce: inForce, chosen: chosen, locked: account.locked.sorted(), serverLogging: account.logsAutomatically(forAdmin: user.isAdmin)
        )
    }

    /// Saves `change` over the person's own choices. A bad value or a change to a locked setting is
    /// refused with its name, and nothing is saved.
    public func saveSettings(_ change: PersonalSettings, for user: User) async throws -> SettingsView {
        try change.validate()
        let account = try await self.people.accountSettings(of: user.accountID)
        let current = try await self.people.personalSettings(of: user.id)
        let inForce = self.configuration.logging.resolved(account: account, person: current, personIsAdmin: user.isAdmin).personal
        try account.check(change, inForce: inForce)
        let unlocked = Set(SettingName.allCases).subtracting(account.locked)
        try await self.people.savePersonalSettings(current.overlaid(by: change, only: unlocked), of: user.id, now: self.effects.now())
        return try await self.settingsView(for: user)
    }

    /// The account's admin settings; admins only.
    public func accountSettings(as user: User) async throws -> AccountSettings {
        try self.requireAdmin(user)
        return try await self.people.accountSettings(of: user.accountID)
    }

    /// Replaces the account's admin settings; admins only. Blocked numbers are normalized to E.164;
    /// one that is not a phone number is refused.
    public func saveAccountSettings(_ settings: AccountSettings, as user: User) async throws -> AccountSettings {
        try self.requireAdmin(user)
        try settings.validate()
        var normalized = settings
        normalized.blockedNumbers = []
        for raw in settings.blockedNumbers {
            guard let number = PhoneNumber(parsing: raw, defaultCountryCode: self.configuration.defaultCountryCode) else {
                throw PeopleError.invalidField("blockedNumbers", "'\(raw)' is not a phone number")
            }
            normalized.blockedNumbers.insert(number.e164)
        }
        try await self.people.saveAccountSettings(normalized, of: user.accountID, now: self.effects.now())
        return normalized
    }
}
