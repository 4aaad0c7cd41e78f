import Foundation
import ScribeCore
import ScribeStore
import Testing

@Suite("SQLiteLedgerStore call logs")
struct LedgerCallLogTests {
    typealias L = Ledger

    /// The state each of six calls ends up in; call `s-n` starts n×100 s after t0, so later calls list first.
    static let states: [CallLogState] = [
        .observed,
        .waiting(.contactChoice, until: nil),
        .creating,
        .logged,
        .skipped(.internalCall),
        .failed(reason: "HubSpot answered 503", retryAt: Ledger.at(900)),
    ]

    /// A ledger with one log per state in ``states``: `log-1` (session `s-1`) observed … `log-6` failed.
    func withLogsInEveryState(_ kind: StoreKind, _ body: (SQLiteLedgerStore) async throws -> Void) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            let ids = IDSequence()
            for (index, state) in Self.states.enumerated() {
                var log = try #require(try await L.claimLog(store, session: TelephonySessionID("s-\(index + 1)"), start: TimeInterval((index + 1) * 100), ids: ids))
                log.state = state
                try await store.saveCallLog(log)
            }
            try await body(store)
        }
    }

    @Test(
        "lists the logs each filter asks for, most recent call first",
        arguments: [
            (CallLogQuery.Filter.all, ["log-6", "log-5", "log-4", "log-3", "log-2", "log-1"]),
            (.unlogged, ["log-6", "log-5", "log-3", "log-2", "log-1"]),
            (.pending, ["log-3", "log-2", "log-1"]),
            (.failed, ["log-6"]),
            (.logged, ["log-4"]),
            (.skipped, ["log-5"]),
        ]
    )
    func filters(filter: CallLogQuery.Filter, expected: [String]) async throws {
        for kind in StoreKind.allCases {
            try await withLogsInEveryState(kind) { store in
                let logs = try await store.callLogs(CallLogQuery(filter: filter))
                #expect(logs.map(\.id.rawValue) == expected, "\(kind)")
            }
        }
    }

    @Test("lists no more logs than the limit", arguments: StoreKind.allCases)
    func limit(kind: StoreKind) async throws {
        try await withLogsInEveryState(kind) { store async throws in
            #expect(try await store.callLogs(CallLogQuery(filter: .all, limit: 2)).map(\.id) == ["log-6", "log-5"])
            #expect(try await store.callLogs(CallLogQuery(filter: .unlogged, limit: 1)).map(\.id) == ["log-6"])
        }
    }

    @Test("counts logs by state name", arguments: StoreKind.allCases)
    func counts(kind: StoreKind) async throws {
        try await withLogsInEveryState(kind) { store async throws in
            #expect(try await store.callLogCounts() == ["observed": 1, "waiting": 1, "creating": 1, "logged": 1, "skipped": 1, "failed": 1])
        }
        let empty = try await withStore(kind) { store in try await store.callLogCounts() }
        #expect(empty.isEmpty)
    }

    @Test("saves every field of a log and reads it back unchanged", arguments: StoreKind.allCases)
    func saveRoundTrip(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            var log = try #require(try await L.claimLog(store, session: "s-1", start: 0, ids: IDSequence()))
            log.state = .waiting(.artifacts, until: L.at(600))
            log.contact = Contact(id: "c-7", name: "Jane Doe", phoneNumbers: ["(415) 555-0123"], updatedAt: L.at(-86_400))
            log.crmRecordID = "hs-call-7"
            log.renderedHash = "85944171f73967e8"
            log.note = "2 contacts share this number; chose the most recently updated"
            log.attempts = 3
            log.artifacts[.basics] = .written
            log.artifacts[.recording] = .pending(deadline: L.at(900))
            log.artifacts[.aiSummary] = .notApplicable
            log.updatedAt = L.at(300)
            try await store.saveCallLog(log)
            #expect(try await store.callLog("log-1") == log)
            #expect(try await store.callLog("log-404") == nil)
        }
    }

    @Test("refuses to save a log it does not hold", arguments: StoreKind.allCases)
    func saveUnknown(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let leg = try #require(Ledger.endedLeg("s-1"))
            let stranger = CallLog(id: "log-404", key: CallLogKey(accountID: "acc-1", extensionID: "ext-101", sessionID: "s-1", connectionID: "conn-hubspot"), leg: leg, createdAt: L.t0)
            await #expect(throws: LedgerStoreError.callLogNotFound("log-404")) {
                try await store.saveCallLog(stranger)
            }
            #expect(try await store.callLogs(CallLogQuery()).isEmpty)
        }
    }
}
