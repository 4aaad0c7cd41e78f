import Foundation
import ScribeCore
import Testing

@Suite("PersonalSettings and AccountSettings")
struct PersonalSettingsTests {
    // MARK: validate

    struct BadValue: Sendable, CustomTestStringConvertible {
        var settings: PersonalSettings
        var field: SettingName
        var testDescription: String
    }

    static let badValues: [BadValue] = [
        BadValue(settings: PersonalSettings(countdownSeconds: -1), field: .countdownSeconds, testDescription: "countdown -1"),
        BadValue(settings: PersonalSettings(countdownSeconds: 3601), field: .countdownSeconds, testDescription: "countdown 3601"),
        BadValue(settings: PersonalSettings(loggedFields: []), field: .loggedFields, testDescription: "no logged fields"),
        BadValue(settings: PersonalSettings(dateFormat: ""), field: .dateFormat, testDescription: "empty date format"),
        BadValue(settings: PersonalSettings(dateFormat: "   "), field: .dateFormat, testDescription: "blank date format"),
        BadValue(settings: PersonalSettings(dateFormat: String(repeating: "y", count: 65)), field: .dateFormat, testDescription: "65-character date format"),
        BadValue(settings: PersonalSettings(timeZone: "Mars/Olympus_Mons"), field: .timeZone, testDescription: "unknown time zone"),
        BadValue(settings: PersonalSettings(timeZone: ""), field: .timeZone, testDescription: "empty time zone"),
        BadValue(
            settings: PersonalSettings(autoLog: true, mode: .allAtOnce, timeZone: "Nowhere/Atlantis"), field: .timeZone,
            testDescription: "a bad zone among good values"
        ),
    ]

    @Test("a bad value is refused with an error naming its field", arguments: badValues)
    func invalid(bad: BadValue) throws {
        let error = try #require(throws: SettingsError.self) { try bad.settings.validate() }
        guard case .invalid(let name, let problem) = error else {
            Issue.record("expected .invalid, got \(error)")
            return
        }
        #expect(name == bad.field)
        #expect(!problem.isEmpty)
        #expect(error.field == bad.field.rawValue)
        #expect(error.description.hasPrefix(bad.field.rawValue))
        // The same value as an account default is refused the same way.
        #expect(throws: error) { try AccountSettings(defaults: bad.settings).validate() }
    }

    @Test("values at the edges of the allowed ranges, and no choices at all, are accepted")
    func valid() throws {
        try PersonalSettings().validate()
        try PersonalSettings(countdownSeconds: 0).validate()
        try PersonalSettings(countdownSeconds: 3600).validate()
        try PersonalSettings(loggedFields: [.notes]).validate()
        try PersonalSettings(dateFormat: String(repeating: "y", count: 64)).validate()
        try PersonalSettings(
            autoLog: false, popUpAfterCall: true, countdownSeconds: 90, mode: .allAtOnce, loggedFields: Set(LoggedField.allCases),
            dateFormat: "dd.MM.yyyy HH:mm", timeZone: "Europe/London"
        ).validate()
    }

    // MARK: check

    /// What is in force for a person when the server's defaults apply.
    static let inForce = LoggingSettings().personal

    @Test("a change to a locked setting is refused naming it; the unchanged value passes")
    func lockedChange() throws {
        let account = AccountSettings(locked: [.mode])
        #expect(Self.inForce.mode == .incremental)

        #expect(throws: SettingsError.locked(.mode)) { try account.check(PersonalSettings(mode: .allAtOnce), inForce: Self.inForce) }
        try account.check(PersonalSettings(mode: .incremental), inForce: Self.inForce)
        try account.check(PersonalSettings(timeZone: "Europe/London"), inForce: Self.inForce)
        // A form that sends every field back, the locked one untouched, passes.
        var form = Self.inForce
        form.timeZone = "Asia/Tokyo"
        form.countdownSeconds = 120
        try account.check(form, inForce: Self.inForce)
    }

    @Test("with several settings locked, the error names the one that was changed")
    func namesTheChangedLock() {
        let account = AccountSettings(locked: [.mode, .timeZone, .autoLog])
        let change = PersonalSettings(autoLog: Self.inForce.autoLog, mode: Self.inForce.mode, timeZone: "Asia/Tokyo")
        #expect(throws: SettingsError.locked(.timeZone)) { try account.check(change, inForce: Self.inForce) }
        #expect(SettingsError.locked(.timeZone).field == "timeZone")
    }

    @Test("without locks any change passes the check")
    func noLocks() throws {
        try AccountSettings().check(PersonalSettings(autoLog: false, mode: .allAtOnce, timeZone: "Asia/Tokyo"), inForce: Self.inForce)
    }

    // MARK: personal and applying

    @Test("applying choices and reading them back as personal settings gives the same choices")
    func roundTrip() {
        let choices = PersonalSettings(
            autoLog: false, popUpAfterCall: true, countdownSeconds: 45, mode: .allAtOnce, createWhen: .connected, loggedFields: [.notes, .duration, .recordingLink],
            dateFormat: "dd/MM/yyyy", timeZone: "Europe/Berlin"
        )
        let settings = LoggingSettings().applying(choices)
        #expect(settings.policy.autoLog == false)
        #expect(settings.popUpAfterCall)
        #expect(settings.timing.countdown == 45)
        #expect(settings.mode == .allAtOnce)
        #expect(settings.createWhen == .connected)
        #expect(settings.record.fields == [.notes, .duration, .recordingLink])
        #expect(settings.record.dateFormat == "dd/MM/yyyy")
        #expect(settings.record.timeZone == "Europe/Berlin")
        #expect(settings.personal == choices)
        #expect(settings.personal.chosen == Set(SettingName.allCases), "personal settings name every setting")
    }

    @Test("a countdown of 0 means logging at once (nil), and nil reads back as 0")
    func countdownZero() {
        let server = LoggingSettings(timing: ArtifactTiming(countdown: 300))
        #expect(server.personal.countdownSeconds == 300)
        let atOnce = server.applying(PersonalSettings(countdownSeconds: 0))
        #expect(atOnce.timing.countdown == nil)
        #expect(atOnce.personal.countdownSeconds == 0)
        #expect(LoggingSettings().personal.countdownSeconds == 0)
        #expect(LoggingSettings().applying(PersonalSettings(countdownSeconds: 0)) == LoggingSettings())
    }

    @Test("applying no choices changes nothing")
    func applyingNothing() {
        let server = LoggingSettings(mode: .allAtOnce, timing: ArtifactTiming(countdown: 60), popUpAfterCall: true)
        #expect(server.applying(PersonalSettings()) == server)
    }

    @Test("chosen names exactly the settings with a value")
    func chosen() {
        #expect(PersonalSettings().chosen.isEmpty)
        #expect(PersonalSettings(autoLog: false, countdownSeconds: 0, timeZone: "UTC").chosen == [.autoLog, .countdownSeconds, .timeZone])
    }

    @Test("overlaid takes the other's values only for the names given")
    func overlaid() {
        let base = PersonalSettings(mode: .incremental, timeZone: "UTC")
        let other = PersonalSettings(countdownSeconds: 30, mode: .allAtOnce, timeZone: "Asia/Tokyo")
        #expect(base.overlaid(by: other) == other)
        #expect(base.overlaid(by: other, only: [.timeZone]) == PersonalSettings(mode: .incremental, timeZone: "Asia/Tokyo"))
        #expect(base.overlaid(by: PersonalSettings()) == base, "nil values keep the base's")
    }

    // MARK: AccountSettings decoding

    @Test("account settings decode with defaults for every missing key")
    func decodingDefaults() throws {
        #expect(try JSONDecoder().decode(AccountSettings.self, from: Data("{}".utf8)) == AccountSettings())
        let partial = try JSONDecoder().decode(AccountSettings.self, from: Data(#"{"locked": ["mode"], "defaults": {"mode": "all_at_once"}}"#.utf8))
        #expect(partial.serverLogging)
        #expect(partial.locked == [.mode])
        #expect(partial.defaults == PersonalSettings(mode: .allAtOnce))
        #expect(partial.blockedNumbers.isEmpty)
        #expect(partial.crmOwners.isEmpty)
    }

    @Test("account settings survive encoding and decoding")
    func codableRoundTrip() throws {
        let settings = AccountSettings(
            serverLogging: false, defaults: PersonalSettings(countdownSeconds: 60, loggedFields: [.notes]), locked: [.countdownSeconds, .autoLog],
            blockedNumbers: ["+14155550123"], crmOwners: ["ext-101": "owner-7"]
        )
        #expect(try JSONDecoder().decode(AccountSettings.self, from: JSONEncoder().encode(settings)) == settings)
    }

    @Test("an unknown setting name in the locked list is a decoding error")
    func unknownLockedName() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AccountSettings.self, from: Data(#"{"locked": ["colour"]}"#.utf8)) }
    }
}
