import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Testing

/// The settings the writer follows for each log: the person's who took the call, under their admin's.
@Suite("SettingsBook")
struct SettingsBookTests {
    typealias H = WriterHarness

    static let server = LoggingSettings(mode: .incremental, policy: LoggingPolicy(blockedNumbers: ["+15550000001"]))

    /// A person taking `extensionID`'s calls in the harness's account.
    static func person(_ id: UserID, on extensionID: ExtensionID, in store: SQLiteLedgerStore, choosing choices: PersonalSettings) async throws {
        let user = User(id: id, accountID: H.account, extensionID: extensionID, email: "\(id.rawValue)@example.com", name: "Person \(id.rawValue)", role: .agent)
        try await store.createUser(user, passwordHash: "unused")
        try await store.savePersonalSettings(choices, of: id, now: H.t0)
    }

    // MARK: The book

    @Test("without a people store everyone gets the server's settings")
    func noPeople() async throws {
        let book = SettingsBook(server: Self.server, people: nil)
        #expect(try await book.settings(account: H.account, extension: "ext-1") == Self.server)
    }

    @Test("gives each extension its person's choices under the account's, and the account's alone to an extension nobody takes")
    func perExtension() async throws {
        let store = try SQLiteLedgerStore.inMemory()
        try await store.saveAccountSettings(
            AccountSettings(defaults: PersonalSettings(timeZone: "Europe/London"), locked: [.timeZone], blockedNumbers: ["+14155550123"]), of: H.account, now: H.t0
        )
        try await Self.person("u-1", on: "ext-1", in: store, choosing: PersonalSettings(mode: .allAtOnce, timeZone: "Asia/Tokyo"))
        try await Self.person("u-2", on: "ext-2", in: store, choosing: PersonalSettings(countdownSeconds: 90))
        let book = SettingsBook(server: Self.server, people: store)

        let first = try await book.settings(account: H.account, extension: "ext-1")
        #expect(first.mode == .allAtOnce)
        #expect(first.record.timeZone == "Europe/London", "locked by the admin")
        #expect(first.timing.countdown == nil)
        #expect(first.policy.blockedNumbers == ["+15550000001", "+14155550123"])

        let second = try await book.settings(account: H.account, extension: "ext-2")
        #expect(second.mode == .incremental)
        #expect(second.timing.countdown == 90)

        let nobody = try await book.settings(account: H.account, extension: "ext-3")
        #expect(nobody == Self.server.resolved(account: try await store.accountSettings(of: H.account), person: PersonalSettings()))
        #expect(nobody.record.timeZone == "Europe/London")

        #expect(try await book.settings(account: "acct-other", extension: "ext-3") == Self.server, "another account has its own (no) settings")
    }

    @Test("reads the settings as they stand now, not as they were")
    func current() async throws {
        let store = try SQLiteLedgerStore.inMemory()
        try await Self.person("u-1", on: "ext-1", in: store, choosing: PersonalSettings(mode: .allAtOnce))
        let book = SettingsBook(server: Self.server, people: store)
        #expect(try await book.settings(account: H.account, extension: "ext-1").mode == .allAtOnce)
        try await store.savePersonalSettings(PersonalSettings(mode: .incremental), of: "u-1", now: H.at(10))
        #expect(try await book.settings(account: H.account, extension: "ext-1").mode == .incremental)
    }

    // MARK: The writer

    @Test("the writer follows the agent's all-at-once choice: it waits for the recording instead of creating at once")
    func writerFollowsPersonsMode() async throws {
        let harness = try await H(recorded: true)
        try await Self.person("u-1", on: "ext-1", in: harness.sqlite, choosing: PersonalSettings(mode: .allAtOnce))
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        // The server's mode is incremental: without the person's choice the writer would create at once.
        let writer = harness.writer(connector, settings: H.recordedCall(.incremental))

        try await writer.run(harness.job)
        #expect(book.creates.isEmpty)
        #expect(connector.calls == ["findContacts(+14155550123)"], "no CRM write while the recording is pending")
        #expect(try await harness.log().state == .waiting(.artifacts, until: H.at(245)))

        harness.move(to: 150)
        try await harness.arrive(.recording)
        try await harness.arrive(.summary)
        #expect(try await harness.runDue(writer) == 1)
        let created = try #require(book.creates.first)
        #expect(book.creates.count == 1)
        #expect(created.recordingURL == Arrival.recordingLink.url)
        #expect(try await harness.log().state == .logged)
        #expect(connector.unplannedCalls.isEmpty)
    }

    @Test("another extension's person's choice does not change this call's log")
    func otherPersonsChoice() async throws {
        let harness = try await H(recorded: true)
        try await Self.person("u-2", on: "ext-2", in: harness.sqlite, choosing: PersonalSettings(mode: .allAtOnce))
        let book = RecordBook(contacts: [H.jane])
        let writer = harness.writer(book.connector(), settings: H.recordedCall(.incremental))
        try await writer.run(harness.job)
        #expect(book.creates.count == 1, "incremental, the server's mode: created at once")
    }

    @Test("an admin's lock on the mode beats the agent's choice")
    func lockedMode() async throws {
        let harness = try await H(recorded: true)
        try await harness.sqlite.saveAccountSettings(
            AccountSettings(defaults: PersonalSettings(mode: .incremental), locked: [.mode]), of: H.account, now: H.t0
        )
        try await Self.person("u-1", on: "ext-1", in: harness.sqlite, choosing: PersonalSettings(mode: .allAtOnce))
        let book = RecordBook(contacts: [H.jane])
        let writer = harness.writer(book.connector(), settings: H.recordedCall(.allAtOnce))
        try await writer.run(harness.job)
        #expect(book.creates.count == 1, "incremental, as the admin locked it: created at once")
        #expect(try await harness.log().crmRecordID != nil)
    }

    @Test("server-side logging turned off by the admin skips the call without asking the CRM")
    func serverLoggingOff() async throws {
        let harness = try await H()
        try await harness.sqlite.saveAccountSettings(AccountSettings(serverLogging: false), of: H.account, now: H.t0)
        try await Self.person("u-1", on: "ext-1", in: harness.sqlite, choosing: PersonalSettings(autoLog: true))
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        try await harness.writer(connector).run(harness.job)
        #expect(connector.calls.isEmpty)
        #expect(try await harness.log().state == .skipped(.autoLogOff))
    }

    @Test("a number the admin blocked is skipped, on top of the server's blocked numbers")
    func accountBlockedNumber() async throws {
        let harness = try await H()
        try await harness.sqlite.saveAccountSettings(AccountSettings(blockedNumbers: [H.caller]), of: H.account, now: H.t0)
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        try await harness.writer(connector, settings: LoggingSettings(policy: LoggingPolicy(blockedNumbers: ["+15550000001"]))).run(harness.job)
        #expect(connector.calls.isEmpty)
        #expect(try await harness.log().state == .skipped(.blockedNumber))
    }

    @Test("the admin's user mapping assigns the new record to the agent's CRM user; other extensions' records are left to the CRM")
    func crmOwner() async throws {
        let harness = try await H()
        try await harness.sqlite.saveAccountSettings(AccountSettings(crmOwners: ["ext-1": "31337", "ext-9": "999"]), of: H.account, now: H.t0)
        let book = RecordBook(contacts: [H.jane])
        try await harness.writer(book.connector()).run(harness.job)
        #expect(book.creates.map(\.ownerID) == ["31337"])
        #expect(try await SettingsBook(server: LoggingSettings(), people: harness.sqlite).settings(account: H.account, extension: "ext-2").crmOwner == nil)
    }

    @Test("on trial only an admin's own calls are logged automatically; an agent's are skipped as auto-log off")
    func trial() async throws {
        let store = try SQLiteLedgerStore.inMemory()
        try await store.saveAccountSettings(AccountSettings(trial: true), of: H.account, now: H.t0)
        try await Self.person("u-1", on: "ext-1", in: store, choosing: PersonalSettings(autoLog: true))
        let admin = User(id: "u-2", accountID: H.account, extensionID: "ext-2", email: "boss@example.com", name: "Boss", role: .admin)
        try await store.createUser(admin, passwordHash: "unused")
        let book = SettingsBook(server: Self.server, people: store)
        #expect(try await book.settings(account: H.account, extension: "ext-1").policy.autoLog == false)
        #expect(try await book.settings(account: H.account, extension: "ext-2").policy.autoLog == true)
        #expect(try await book.settings(account: H.account, extension: "ext-3").policy.autoLog == false, "nobody's extension is not an admin's")

        let harness = try await H()
        try await harness.sqlite.saveAccountSettings(AccountSettings(trial: true), of: H.account, now: H.t0)
        let records = RecordBook(contacts: [H.jane])
        try await harness.writer(records.connector()).run(harness.job)
        #expect(try await harness.log().state == .skipped(.autoLogOff))
        #expect(records.creates.isEmpty)
    }
}
