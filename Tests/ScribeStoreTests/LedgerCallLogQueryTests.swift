import Foundation
import ScribeCore
import ScribeStore
import Testing

/// Call history queries: scoped to an account and an extension, searched by contact and number,
/// bounded by start time.
@Suite("SQLiteLedgerStore call log queries")
struct LedgerCallLogQueryTests {
    typealias L = Ledger

    static let otherAccount: AccountID = "acc-2"
    static let otherConnection = CRMConnection(
        id: "conn-2", accountID: "acc-2", kind: "hubspot", baseURL: "https://api.hubapi.com", sealedCredential: [9]
    )

    /// One call of the history: the log `log-n` is claimed for the n-th entry of ``history``.
    struct Entry: Sendable {
        var account: AccountID = Ledger.account
        var extensionID: ExtensionID = "ext-101"
        var number: String
        var callerName: String?
        var contact: String?
        /// Seconds after t0 the call started.
        var start: TimeInterval
    }

    static let history: [Entry] = [
        Entry(number: "+14155550123", callerName: "Jane Doe", contact: "Jane Doe", start: 100),  // log-1
        Entry(extensionID: "ext-102", number: "+12125550199", callerName: "Bob Stone", contact: "Bob Stone", start: 200),  // log-2
        Entry(number: "+13125550142", callerName: nil, contact: "Acme Corp", start: 300),  // log-3
        Entry(number: "+13125550177", callerName: "Carol King", contact: nil, start: 400),  // log-4
        Entry(number: "+16175550111", callerName: nil, contact: "100% Natural", start: 500),  // log-5
        Entry(number: "+16175550112", callerName: nil, contact: "1000 Naturals", start: 600),  // log-6
        Entry(number: "+16175550113", callerName: nil, contact: "A_B Supplies", start: 700),  // log-7
        Entry(number: "+16175550114", callerName: nil, contact: "A-B Supplies", start: 800),  // log-8
        Entry(account: otherAccount, number: "+14155550123", callerName: "Jane Doe", contact: "Jane Doe", start: 900),  // log-9
    ]

    static func events(_ session: TelephonySessionID, _ entry: Entry) -> [TelephonyEvent] {
        let steps: [(PartyStatusCode, TimeInterval)] = [(.setup, 0), (.answered, 5), (.disconnected, 65)]
        return steps.enumerated().map { index, step in
            TelephonyEvent(
                id: EventID("\(session)-e\(index + 1)"), accountID: entry.account, sessionID: session, sequence: Int64(index + 1),
                eventTime: L.at(entry.start + step.1),
                parties: [
                    PartyUpdate(
                        partyID: PartyID("\(session)-p1"), extensionID: entry.extensionID, direction: .inbound,
                        from: CallEndpoint(phoneNumber: entry.number, name: entry.callerName),
                        to: CallEndpoint(phoneNumber: "+16505550100", extensionID: entry.extensionID), status: step.0
                    )
                ]
            )
        }
    }

    /// A ledger holding ``history``, each log with its contact.
    func withHistory(_ kind: StoreKind, _ body: (SQLiteLedgerStore) async throws -> Void) async throws {
        try await withStore(kind) { store async throws in
            try await store.saveConnection(L.connection)
            try await store.saveConnection(Self.otherConnection)
            let ids = IDSequence()
            for (index, entry) in Self.history.enumerated() {
                let session = TelephonySessionID("s-\(index + 1)")
                _ = try await store.appendEvents(Self.events(session, entry), receivedAt: L.at(entry.start + 70))
                // One call per fold, so that log ids follow the history's order.
                #expect(try await store.foldPendingEvents(limit: 100, now: L.at(entry.start + 70), makeID: ids.makeID).logsClaimed == 1)
                if let name = entry.contact {
                    var log = try #require(try await store.callLogs(session: session).first)
                    log.contact = Contact(id: ContactID("c-\(index + 1)"), name: name, phoneNumbers: [entry.number])
                    try await store.saveCallLog(log)
                }
            }
            try await body(store)
        }
    }

    func ids(_ store: SQLiteLedgerStore, _ query: CallLogQuery) async throws -> [String] {
        try await store.callLogs(query).map(\.id.rawValue)
    }

    @Test("scopes the history to one account, and to one extension within it", arguments: StoreKind.allCases)
    func scoping(kind: StoreKind) async throws {
        try await withHistory(kind) { store async throws in
            #expect(try await self.ids(store, CallLogQuery()).count == 9)
            #expect(try await self.ids(store, CallLogQuery(accountID: Self.otherAccount)) == ["log-9"])
            #expect(
                try await self.ids(store, CallLogQuery(accountID: L.account))
                    == ["log-8", "log-7", "log-6", "log-5", "log-4", "log-3", "log-2", "log-1"]
            )
            #expect(try await self.ids(store, CallLogQuery(accountID: L.account, extensionID: "ext-102")) == ["log-2"])
            #expect(try await self.ids(store, CallLogQuery(accountID: Self.otherAccount, extensionID: "ext-102")).isEmpty)
            #expect(try await self.ids(store, CallLogQuery(accountID: "acc-404")).isEmpty)
            #expect(try await self.ids(store, CallLogQuery(accountID: L.account, extensionID: "")).isEmpty, "no extension has the empty id")
        }
    }

    @Test("finds calls by the contact's name, case-insensitively, whether the name is the CRM contact's or the caller id's", arguments: StoreKind.allCases)
    func searchByName(kind: StoreKind) async throws {
        try await withHistory(kind) { store async throws in
            #expect(try await self.ids(store, CallLogQuery(search: "jane")) == ["log-9", "log-1"])
            #expect(try await self.ids(store, CallLogQuery(accountID: L.account, search: "JANE DOE")) == ["log-1"])
            #expect(try await self.ids(store, CallLogQuery(search: "acme")) == ["log-3"], "only the CRM contact has this name")
            #expect(try await self.ids(store, CallLogQuery(search: "Carol")) == ["log-4"], "only the caller id has this name")
            #expect(try await self.ids(store, CallLogQuery(search: "Zelda")).isEmpty)
        }
    }

    @Test("finds calls by a fragment of the caller's number", arguments: StoreKind.allCases)
    func searchByNumber(kind: StoreKind) async throws {
        try await withHistory(kind) { store async throws in
            #expect(try await self.ids(store, CallLogQuery(search: "5550199")) == ["log-2"])
            #expect(try await self.ids(store, CallLogQuery(search: "+1312555")) == ["log-4", "log-3"])
            #expect(try await self.ids(store, CallLogQuery(accountID: L.account, search: "4155550123")) == ["log-1"])
        }
    }

    @Test("an empty search finds everything", arguments: StoreKind.allCases)
    func emptySearch(kind: StoreKind) async throws {
        try await withHistory(kind) { store async throws in
            #expect(try await self.ids(store, CallLogQuery(search: "")).count == 9)
        }
    }

    @Test("% and _ in a search are matched literally, not as wildcards", arguments: StoreKind.allCases)
    func wildcardsAreLiteral(kind: StoreKind) async throws {
        try await withHistory(kind) { store async throws in
            // As wildcards, "100%" would match every call (the company line ends in 0100) and "A_B" would match "A-B".
            #expect(try await self.ids(store, CallLogQuery(search: "100%")) == ["log-5"])
            #expect(try await self.ids(store, CallLogQuery(search: "a_b")) == ["log-7"])
            #expect(try await self.ids(store, CallLogQuery(search: "%")) == ["log-5"])
            #expect(try await self.ids(store, CallLogQuery(search: "_")) == ["log-7"])
            #expect(try await self.ids(store, CallLogQuery(search: #"\"#)).isEmpty, "a backslash is literal too")
        }
    }

    @Test("bounds the history by start time: since is inclusive, until exclusive", arguments: StoreKind.allCases)
    func timeBounds(kind: StoreKind) async throws {
        try await withHistory(kind) { store async throws in
            #expect(try await self.ids(store, CallLogQuery(since: L.at(700))) == ["log-9", "log-8", "log-7"])
            #expect(try await self.ids(store, CallLogQuery(until: L.at(300))) == ["log-2", "log-1"])
            #expect(try await self.ids(store, CallLogQuery(since: L.at(200), until: L.at(400))) == ["log-3", "log-2"])
            #expect(try await self.ids(store, CallLogQuery(since: L.at(450), until: L.at(460))).isEmpty)
        }
    }

    @Test("combines scope, search, time bounds, state filter and limit", arguments: StoreKind.allCases)
    func combined(kind: StoreKind) async throws {
        try await withHistory(kind) { store async throws in
            #expect(try await self.ids(store, CallLogQuery(accountID: L.account, extensionID: "ext-101", search: "555", since: L.at(300), until: L.at(700)))
                == ["log-6", "log-5", "log-4", "log-3"])
            #expect(try await self.ids(store, CallLogQuery(limit: 2, accountID: L.account, extensionID: "ext-101", search: "555")) == ["log-8", "log-7"])
            #expect(try await self.ids(store, CallLogQuery(filter: .logged, accountID: L.account)).isEmpty)
            #expect(try await self.ids(store, CallLogQuery(accountID: L.account, extensionID: "ext-102", search: "jane")).isEmpty)
        }
    }

    @Test(
        "finds a name as typed even when it holds characters JSON escapes",
        arguments: ["A/B Testing Ltd", #"Dwayne "The Rock" Johnson"#, "José Müller", #"C:\Temp Agency"#]
    )
    func searchEscapedCharacters(name: String) async throws {
        try await withStore(.inMemory) { store async throws in
            try await store.saveConnection(L.connection)
            _ = try await store.appendEvents(Self.events("s-1", Entry(number: "+14155550123", callerName: name, start: 0)), receivedAt: L.at(70))
            _ = try await store.foldPendingEvents(limit: 100, now: L.at(70), makeID: IDSequence().makeID)
            #expect(try await self.ids(store, CallLogQuery(search: name)) == ["log-1"], "the caller id's name")
            var log = try #require(try await store.callLog("log-1"))
            log.contact = Contact(id: "c-1", name: name + " (CRM)", phoneNumbers: ["+14155550123"])
            try await store.saveCallLog(log)
            #expect(try await self.ids(store, CallLogQuery(search: name + " (CRM)")) == ["log-1"], "the CRM contact's name")
        }
    }
}
