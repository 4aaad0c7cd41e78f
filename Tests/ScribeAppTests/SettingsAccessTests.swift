import Foundation
import ScribeApp
import ScribeCore
import Testing

/// A person's settings page and their admin's account settings, through ``Callscribe``.
@Suite("Callscribe settings")
struct SettingsAccessTests {
    typealias A = AccessHarness

    @Test("a person who chose nothing sees the server's settings in force, nothing chosen and nothing locked")
    func freshView() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            let view = try await harness.app.settingsView(for: alex)
            #expect(view.inForce == harness.app.configuration.logging.personal)
            #expect(view.chosen == PersonalSettings())
            #expect(view.locked.isEmpty)
            #expect(view.serverLogging)
        }
    }

    @Test("saved choices are kept, shown as chosen and in force, and added to the earlier ones")
    func save() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            _ = try await harness.app.saveSettings(PersonalSettings(mode: .allAtOnce), for: alex)
            let view = try await harness.app.saveSettings(PersonalSettings(countdownSeconds: 30, timeZone: "Europe/London"), for: alex)
            #expect(view.chosen == PersonalSettings(countdownSeconds: 30, mode: .allAtOnce, timeZone: "Europe/London"))
            #expect(view.inForce.mode == .allAtOnce)
            #expect(view.inForce.countdownSeconds == 30)
            #expect(view.inForce.timeZone == "Europe/London")
            #expect(try await harness.app.people.personalSettings(of: alex.id) == view.chosen)

            // Another person is not affected.
            let bo = try await harness.user("bo@example.com", extension: "ext-102")
            #expect(try await harness.app.settingsView(for: bo).chosen == PersonalSettings())
        }
    }

    @Test("a bad value is refused naming its field, and nothing of the change is saved")
    func invalid() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            await #expect(throws: SettingsError.self) {
                try await harness.app.saveSettings(PersonalSettings(mode: .allAtOnce, timeZone: "Mars/Olympus_Mons"), for: alex)
            }
            let error = try await #require(throws: SettingsError.self) {
                try await harness.app.saveSettings(PersonalSettings(countdownSeconds: 99_999), for: alex)
            }
            #expect(error.field == "countdownSeconds")
            #expect(try await harness.app.people.personalSettings(of: alex.id) == PersonalSettings())
        }
    }

    @Test("a change to a setting the admin locked is refused naming it, and nothing is saved; the locked value sent back unchanged passes")
    func locked() async throws {
        try await A.run { harness async throws in
            let ada = try await harness.user("ada@example.com", role: .admin)
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            _ = try await harness.app.saveAccountSettings(
                AccountSettings(defaults: PersonalSettings(mode: .incremental, timeZone: "America/Chicago"), locked: [.mode]), as: ada
            )

            await #expect(throws: SettingsError.locked(.mode)) {
                try await harness.app.saveSettings(PersonalSettings(mode: .allAtOnce, timeZone: "Europe/London"), for: alex)
            }
            #expect(try await harness.app.people.personalSettings(of: alex.id) == PersonalSettings(), "not even the unlocked part")

            // The whole form back, with only an unlocked setting changed.
            var form = try await harness.app.settingsView(for: alex).inForce
            #expect(form.timeZone == "America/Chicago", "the account's default")
            form.timeZone = "Europe/London"
            let view = try await harness.app.saveSettings(form, for: alex)
            #expect(view.locked == [.mode])
            #expect(view.inForce.timeZone == "Europe/London")
            #expect(view.inForce.mode == .incremental)
            #expect(view.chosen.mode == nil, "a locked setting is never saved as the person's choice")
            #expect(view.chosen.timeZone == "Europe/London")
        }
    }

    @Test("a choice made before the admin locked the setting no longer applies")
    func lockedAfterChoosing() async throws {
        try await A.run { harness async throws in
            let ada = try await harness.user("ada@example.com", role: .admin)
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            _ = try await harness.app.saveSettings(PersonalSettings(mode: .allAtOnce), for: alex)
            _ = try await harness.app.saveAccountSettings(AccountSettings(locked: [.mode]), as: ada)
            let view = try await harness.app.settingsView(for: alex)
            #expect(view.inForce.mode == harness.app.configuration.logging.mode)
            #expect(view.locked == [.mode])
        }
    }

    @Test("with server-side logging off, people see it off and nothing in force logs automatically")
    func serverLoggingOff() async throws {
        try await A.run { harness async throws in
            let ada = try await harness.user("ada@example.com", role: .admin)
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            _ = try await harness.app.saveAccountSettings(AccountSettings(serverLogging: false), as: ada)
            let view = try await harness.app.saveSettings(PersonalSettings(autoLog: true), for: alex)
            #expect(!view.serverLogging)
            #expect(view.inForce.autoLog == false)
            #expect(view.chosen.autoLog == true)
        }
    }

    @Test("only an admin reads or replaces the account's settings")
    func adminOnly() async throws {
        try await A.run { harness async throws in
            let alex = try await harness.user("alex@example.com", extension: "ext-101")
            await #expect(throws: AccessError.adminOnly) { try await harness.app.accountSettings(as: alex) }
            await #expect(throws: AccessError.adminOnly) {
                try await harness.app.saveAccountSettings(AccountSettings(serverLogging: false, locked: [.autoLog]), as: alex)
            }
            #expect(try await harness.app.people.accountSettings(of: A.account) == AccountSettings(), "nothing saved")
        }
    }

    @Test("an admin's settings are saved for their own account only")
    func adminSaves() async throws {
        try await A.run { harness async throws in
            let ada = try await harness.user("ada@example.com", role: .admin)
            let settings = AccountSettings(
                serverLogging: false, defaults: PersonalSettings(countdownSeconds: 60), locked: [.countdownSeconds], crmOwners: ["ext-101": "owner-7"]
            )
            #expect(try await harness.app.saveAccountSettings(settings, as: ada) == settings)
            #expect(try await harness.app.accountSettings(as: ada) == settings)
            #expect(try await harness.app.people.accountSettings(of: "acc-2") == AccountSettings())

            let other = try await harness.user("otto@example.com", role: .admin, account: "acc-2")
            #expect(try await harness.app.accountSettings(as: other) == AccountSettings())
        }
    }

    @Test("blocked numbers are saved in E.164; something that is not a number is refused naming blockedNumbers")
    func blockedNumbers() async throws {
        try await A.run { harness async throws in
            let ada = try await harness.user("ada@example.com", role: .admin)
            let saved = try await harness.app.saveAccountSettings(AccountSettings(blockedNumbers: ["(415) 555-0123", "+44 20 7946 0958", "+14155550123"]), as: ada)
            #expect(saved.blockedNumbers == ["+14155550123", "+442079460958"])
            #expect(try await harness.app.accountSettings(as: ada).blockedNumbers == ["+14155550123", "+442079460958"])

            let error = try await #require(throws: PeopleError.self) {
                try await harness.app.saveAccountSettings(AccountSettings(blockedNumbers: ["+12125550199", "call me maybe"]), as: ada)
            }
            #expect(error.invalidField == "blockedNumbers")
            #expect(error.description.contains("call me maybe"))
            #expect(try await harness.app.accountSettings(as: ada).blockedNumbers == ["+14155550123", "+442079460958"], "the earlier list stays")
        }
    }

    @Test("an account default that is not a valid value is refused naming it")
    func invalidDefaults() async throws {
        try await A.run { harness async throws in
            let ada = try await harness.user("ada@example.com", role: .admin)
            await #expect(throws: SettingsError.invalid(.loggedFields, "choose at least one field to log")) {
                try await harness.app.saveAccountSettings(AccountSettings(defaults: PersonalSettings(loggedFields: [])), as: ada)
            }
            #expect(try await harness.app.accountSettings(as: ada) == AccountSettings())
        }
    }
}
