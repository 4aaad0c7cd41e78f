import Foundation
import ScribeCore

/// The logging settings in force for each call log: the server's, under the account's admin
/// settings, under the choices of the person who took the call.
public struct SettingsBook: Sendable {
    public let server: LoggingSettings
    let people: (any PeopleStore)?

    /// `people` nil: everyone gets the server's settings (tests, tools without a people store).
    public init(server: LoggingSettings, people: (any PeopleStore)?) {
        self.server = server
        self.people = people
    }

    /// The settings for the calls of `extensionID` in `accountID`.
    public func settings(account accountID: AccountID, extension extensionID: ExtensionID) async throws -> LoggingSettings {
        guard let people else { return self.server }
        let account = try await people.accountSettings(of: accountID)
        let user = try await people.user(extension: extensionID)
        var person = PersonalSettings()
        if let user { person = try await people.personalSettings(of: user.id) }
        var settings = self.server.resolved(account: account, person: person, personIsAdmin: user?.isAdmin ?? false)
        settings.crmOwner = account.crmOwners[extensionID.rawValue] ?? settings.crmOwner
        return settings
    }
}
