import Foundation

/// What an admin decides for the whole account: whether the server logs at all, values for
/// everyone (locked or only defaults), numbers never logged, and which CRM user each phone user is.
public struct AccountSettings: Sendable, Hashable, Codable {
    /// Off: nothing is logged automatically; people can still log calls by hand.
    public var serverLogging: Bool
    /// A trial of server-side logging: only the admins' own calls are logged automatically.
    public var trial: Bool
    /// The account's values; people may change the ones not in `locked`.
    public var defaults: PersonalSettings
    /// Settings people cannot change: everyone gets `defaults`' value (or the server's).
    public var locked: Set<SettingName>
    /// E.164 numbers never logged, on top of the server's list.
    public var blockedNumbers: Set<String>
    /// The CRM owner (user id in the CRM) each phone user's records are assigned to, by extension id.
    public var crmOwners: [String: String]

    public init(
        serverLogging: Bool = true, trial: Bool = false, defaults: PersonalSettings = PersonalSettings(), locked: Set<SettingName> = [], blockedNumbers: Set<String> = [],
        crmOwners: [String: String] = [:]
    ) {
        self.serverLogging = serverLogging
        self.trial = trial
        self.defaults = defaults
        self.locked = locked
        self.blockedNumbers = blockedNumbers
        self.crmOwners = crmOwners
    }

    /// Whether calls of a person (an admin or not) are logged without anyone clicking.
    public func logsAutomatically(forAdmin isAdmin: Bool) -> Bool {
        self.serverLogging && (!self.trial || isAdmin)
    }

    public func validate() throws(SettingsError) {
        try self.defaults.validate()
    }

    /// Refuses a person's change to a setting the admin locked. A value equal to the one in force
    /// passes, so a form that sends every field back is accepted as long as the locked ones are untouched.
    public func check(_ change: PersonalSettings, inForce: PersonalSettings) throws(SettingsError) {
        for name in change.chosen.intersection(self.locked).sorted() where inForce.overlaid(by: change, only: [name]) != inForce {
            throw .locked(name)
        }
    }
}

extension AccountSettings {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            serverLogging: try container.decodeIfPresent(Bool.self, forKey: .serverLogging) ?? true,
            trial: try container.decodeIfPresent(Bool.self, forKey: .trial) ?? false,
            defaults: try container.decodeIfPresent(PersonalSettings.self, forKey: .defaults) ?? PersonalSettings(),
            locked: try container.decodeIfPresent(Set<SettingName>.self, forKey: .locked) ?? [],
            blockedNumbers: try container.decodeIfPresent(Set<String>.self, forKey: .blockedNumbers) ?? [],
            crmOwners: try container.decodeIfPresent([String: String].self, forKey: .crmOwners) ?? [:]
        )
    }
}
