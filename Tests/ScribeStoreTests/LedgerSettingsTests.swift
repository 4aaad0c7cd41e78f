import Foundation
import ScribeCore
import ScribeStore
import Testing

/// A person's own choices and their account's admin settings, kept in the ledger.
@Suite("SQLiteLedgerStore settings")
struct LedgerSettingsTests {
    typealias L = Ledger

    static let choices = PersonalSettings(
        autoLog: false, popUpAfterCall: true, countdownSeconds: 30, mode: .allAtOnce, loggedFields: [.notes, .duration],
        dateFormat: "dd/MM/yyyy HH:mm", timeZone: "Europe/London"
    )
    static let account = AccountSettings(
        serverLogging: false, defaults: PersonalSettings(countdownSeconds: 120, timeZone: "America/Chicago"), locked: [.countdownSeconds, .mode],
        blockedNumbers: ["+14155550123", "+442079460958"], crmOwners: ["ext-101": "owner-1", "ext-102": "owner-2"]
    )

    @Test("a person who chose nothing has empty choices; what they save reads back, replaced by the next save", arguments: StoreKind.allCases)
    func personal(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            #expect(try await store.personalSettings(of: "u-1") == PersonalSettings())
            try await store.savePersonalSettings(Self.choices, of: "u-1", now: L.t0)
            #expect(try await store.personalSettings(of: "u-1") == Self.choices)
            #expect(try await store.personalSettings(of: "u-2") == PersonalSettings(), "another person's are their own")

            try await store.savePersonalSettings(PersonalSettings(mode: .incremental), of: "u-1", now: L.at(60))
            #expect(try await store.personalSettings(of: "u-1") == PersonalSettings(mode: .incremental), "replaced, not merged")
        }
    }

    @Test("an account without saved settings gets the defaults; saved ones read back whole", arguments: StoreKind.allCases)
    func account(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            #expect(try await store.accountSettings(of: "acc-1") == AccountSettings())
            #expect(try await store.accountSettings(of: "acc-1").serverLogging)

            try await store.saveAccountSettings(Self.account, of: "acc-1", now: L.t0)
            #expect(try await store.accountSettings(of: "acc-1") == Self.account)
            #expect(try await store.accountSettings(of: "acc-2") == AccountSettings())

            try await store.saveAccountSettings(AccountSettings(locked: [.timeZone]), of: "acc-1", now: L.at(60))
            #expect(try await store.accountSettings(of: "acc-1") == AccountSettings(locked: [.timeZone]))
        }
    }

    @Test("a person and an account with the same id keep separate settings", arguments: StoreKind.allCases)
    func scopesDoNotCollide(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            try await store.savePersonalSettings(Self.choices, of: "same-id", now: L.t0)
            try await store.saveAccountSettings(Self.account, of: "same-id", now: L.t0)
            #expect(try await store.personalSettings(of: "same-id") == Self.choices)
            #expect(try await store.accountSettings(of: "same-id") == Self.account)
        }
    }

    @Test("settings survive reopening the ledger file")
    func persisted() async throws {
        try await withTemporaryDirectory { directory async throws in
            let path = directory.appendingPathComponent("ledger.sqlite").path
            do {
                let store = try SQLiteLedgerStore(path: path)
                try await store.savePersonalSettings(Self.choices, of: "u-1", now: L.t0)
                try await store.saveAccountSettings(Self.account, of: "acc-1", now: L.t0)
            }
            let reopened = try SQLiteLedgerStore(path: path)
            #expect(try await reopened.personalSettings(of: "u-1") == Self.choices)
            #expect(try await reopened.accountSettings(of: "acc-1") == Self.account)
        }
    }
}
