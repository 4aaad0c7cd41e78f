import Foundation
import ScribeCore
import Testing

/// The settings in force for one person: the server's, under the account's, under the person's,
/// except where the admin locked a setting.
@Suite("Settings resolution")
struct SettingsResolutionTests {
    /// The server's settings: incremental, logs at once, every field, UTC, one blocked number, and
    /// values no person can choose (voicemails off, 10 s minimum, 300 s recording slack).
    static let server = LoggingSettings(
        mode: .incremental,
        policy: LoggingPolicy(autoLog: true, logVoicemails: false, minimumDuration: 10, blockedNumbers: ["+15550000001"]),
        record: RecordFormat(fields: Set(LoggedField.allCases), dateFormat: "yyyy-MM-dd HH:mm zzz", timeZone: "UTC"),
        timing: ArtifactTiming(countdown: nil, recordingSlack: 300),
        popUpAfterCall: false
    )

    @Test("with no account or personal choices, the server's settings are in force unchanged")
    func serverOnly() {
        #expect(Self.server.resolved(account: AccountSettings(), person: PersonalSettings()) == Self.server)
    }

    @Test("the account's values override the server's, and the person's override the account's")
    func layering() {
        let account = AccountSettings(defaults: PersonalSettings(mode: .allAtOnce, dateFormat: "dd/MM/yyyy", timeZone: "Europe/London"))
        let person = PersonalSettings(countdownSeconds: 30, timeZone: "America/New_York")
        let settings = Self.server.resolved(account: account, person: person)

        #expect(settings.mode == .allAtOnce, "the account's value, the person chose none")
        #expect(settings.record.dateFormat == "dd/MM/yyyy", "the account's value, the person chose none")
        #expect(settings.record.timeZone == "America/New_York", "the person's value beats the account's")
        #expect(settings.timing.countdown == 30, "the person's value, the account chose none")
        #expect(settings.record.fields == Set(LoggedField.allCases), "the server's value, nobody chose one")
        #expect(settings.policy.autoLog)
        // What people cannot choose stays the server's.
        #expect(settings.policy.logVoicemails == false)
        #expect(settings.policy.minimumDuration == 10)
        #expect(settings.timing.recordingSlack == 300)
    }

    @Test("a locked setting takes the account's value (or the server's) whatever the person chose")
    func locksWin() {
        let account = AccountSettings(defaults: PersonalSettings(timeZone: "Europe/London"), locked: [.timeZone, .mode])
        let person = PersonalSettings(popUpAfterCall: true, mode: .allAtOnce, timeZone: "Asia/Tokyo")
        let settings = Self.server.resolved(account: account, person: person)

        #expect(settings.record.timeZone == "Europe/London", "locked: the account's value")
        #expect(settings.mode == .incremental, "locked without an account value: the server's")
        #expect(settings.popUpAfterCall, "not locked: the person's value")
    }

    @Test("with server-side logging off nothing is logged automatically, whatever the account or person chose")
    func serverLoggingOff() {
        let account = AccountSettings(serverLogging: false, defaults: PersonalSettings(autoLog: true))
        let settings = Self.server.resolved(account: account, person: PersonalSettings(autoLog: true, mode: .allAtOnce))
        #expect(settings.policy.autoLog == false)
        #expect(settings.mode == .allAtOnce, "the other choices still apply")

        let on = Self.server.resolved(account: AccountSettings(serverLogging: true), person: PersonalSettings(autoLog: true))
        #expect(on.policy.autoLog)
    }

    @Test("a person may turn automatic logging off for themselves unless the admin locked it on")
    func autoLogChoice() {
        #expect(Self.server.resolved(account: AccountSettings(), person: PersonalSettings(autoLog: false)).policy.autoLog == false)
        let lockedOn = AccountSettings(defaults: PersonalSettings(autoLog: true), locked: [.autoLog])
        #expect(Self.server.resolved(account: lockedOn, person: PersonalSettings(autoLog: false)).policy.autoLog)
    }

    @Test("the account's blocked numbers are added to the server's, not put in their place")
    func blockedNumbersUnion() {
        let account = AccountSettings(blockedNumbers: ["+14155550123", "+442079460958"])
        let settings = Self.server.resolved(account: account, person: PersonalSettings())
        #expect(settings.policy.blockedNumbers == ["+15550000001", "+14155550123", "+442079460958"])
    }
}
