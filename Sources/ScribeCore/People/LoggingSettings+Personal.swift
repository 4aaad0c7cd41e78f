import Foundation

extension LoggingSettings {
    /// The eight settings people choose, as they stand in these settings.
    public var personal: PersonalSettings {
        PersonalSettings(
            autoLog: self.policy.autoLog, popUpAfterCall: self.popUpAfterCall, countdownSeconds: Int((self.timing.countdown ?? 0).rounded()),
            mode: self.mode, createWhen: self.createWhen, loggedFields: self.record.fields, dateFormat: self.record.dateFormat, timeZone: self.record.timeZone
        )
    }

    /// These settings (the server's) with `choices` applied.
    public func applying(_ choices: PersonalSettings) -> LoggingSettings {
        var settings = self
        if let value = choices.autoLog { settings.policy.autoLog = value }
        if let value = choices.popUpAfterCall { settings.popUpAfterCall = value }
        if let value = choices.countdownSeconds { settings.timing.countdown = value > 0 ? TimeInterval(value) : nil }
        if let value = choices.mode { settings.mode = value }
        if let value = choices.createWhen { settings.createWhen = value }
        if let value = choices.loggedFields { settings.record.fields = value }
        if let value = choices.dateFormat { settings.record.dateFormat = value }
        if let value = choices.timeZone { settings.record.timeZone = value }
        return settings
    }

    /// The settings in force for one person: the server's, then the account's values, then the
    /// person's own choices except where the admin locked a setting. With server-side logging off
    /// (or on trial, for everyone but admins), nothing is logged automatically whatever anyone chose.
    public func resolved(account: AccountSettings, person: PersonalSettings, personIsAdmin: Bool = false) -> LoggingSettings {
        let unlocked = Set(SettingName.allCases).subtracting(account.locked)
        var settings = self.applying(account.defaults.overlaid(by: person, only: unlocked))
        settings.policy.blockedNumbers.formUnion(account.blockedNumbers)
        if !account.logsAutomatically(forAdmin: personIsAdmin) { settings.policy.autoLog = false }
        return settings
    }
}
