import Foundation
import ScribeApp
import ScribeCore
import Testing

/// What each requester may see of the call history: their own calls, their account's for an
/// admin, everything at the console; another person's log is "not found".
@Suite("Requester scope and call log visibility")
struct RequesterTests {
    typealias A = AccessHarness

    static let agent = User(id: "u-1", accountID: "acc-1", extensionID: "ext-101", email: "alex@example.com", name: "Alex", role: .agent)
    static let noPhone = User(id: "u-2", accountID: "acc-1", extensionID: nil, email: "nia@example.com", name: "Nia", role: .agent)
    static let admin = User(id: "u-3", accountID: "acc-1", extensionID: nil, email: "ada@example.com", name: "Ada", role: .admin)

    // MARK: scope

    @Test("the console's query is left as asked")
    func console() {
        let query = CallLogQuery(filter: .failed, limit: 5, accountID: "acc-9", extensionID: "ext-9", search: "jane")
        #expect(Requester.console.scope(query) == query)
    }

    @Test("an agent's query is narrowed to their account and extension, whatever they asked for")
    func agentScope() {
        let asked = CallLogQuery(filter: .logged, limit: 7, accountID: "acc-2", extensionID: "ext-102", search: "jane", since: Date(timeIntervalSince1970: 1))
        let scoped = Requester.person(Self.agent).scope(asked)
        #expect(scoped.accountID == "acc-1")
        #expect(scoped.extensionID == "ext-101")
        #expect(scoped.filter == .logged)
        #expect(scoped.limit == 7)
        #expect(scoped.search == "jane")
        #expect(scoped.since == Date(timeIntervalSince1970: 1))
        #expect(Requester.person(Self.agent).scope(CallLogQuery()).extensionID == "ext-101")
    }

    @Test("an agent without an extension gets a query that matches no extension")
    func noExtension() {
        let scoped = Requester.person(Self.noPhone).scope(CallLogQuery())
        #expect(scoped.accountID == "acc-1")
        #expect(scoped.extensionID == ExtensionID(""))
    }

    @Test("an admin's query is narrowed to their account, keeping the extension they asked for")
    func adminScope() {
        let requester = Requester.person(Self.admin)
        #expect(requester.scope(CallLogQuery(accountID: "acc-2")) == CallLogQuery(accountID: "acc-1"))
        #expect(requester.scope(CallLogQuery(extensionID: "ext-102")) == CallLogQuery(accountID: "acc-1", extensionID: "ext-102"))
    }

    // MARK: Through Callscribe

    /// Calls to ext-101 (log `id-1`) and ext-102 (`id-2`) in acc-1, and to ext-201 in acc-2 (`id-3`), all folded.
    static func withCalls(_ body: (AccessHarness) async throws -> Void) async throws {
        try await A.run { harness async throws in
            let store = harness.app.store
            for account: AccountID in ["acc-1", "acc-2"] {
                try await store.saveConnection(
                    CRMConnection(id: ConnectionID("conn-\(account)"), accountID: account, kind: "hubspot", baseURL: "https://api.hubapi.com", sealedCredential: [1])
                )
            }
            for (index, (account, extensionID)) in [("acc-1", "ext-101"), ("acc-1", "ext-102"), ("acc-2", "ext-201")].enumerated() {
                let session = TelephonySessionID("s-\(index + 1)")
                let start = harness.clock.now.addingTimeInterval(TimeInterval(index * 100))
                let steps: [(PartyStatusCode, TimeInterval)] = [(.setup, 0), (.answered, 5), (.disconnected, 65)]
                let events = steps.enumerated().map { sequence, step in
                    TelephonyEvent(
                        id: EventID("\(session)-e\(sequence)"), accountID: AccountID(account), sessionID: session, sequence: Int64(sequence + 1),
                        eventTime: start.addingTimeInterval(step.1),
                        parties: [
                            PartyUpdate(
                                partyID: "p-1", extensionID: ExtensionID(extensionID), direction: .inbound,
                                from: CallEndpoint(phoneNumber: "+14155550123", name: "Jane Doe"),
                                to: CallEndpoint(phoneNumber: "+16505550100", extensionID: ExtensionID(extensionID)), status: step.0
                            )
                        ]
                    )
                }
                _ = try await store.appendEvents(events, receivedAt: start.addingTimeInterval(70))
                let report = try await store.foldPendingEvents(limit: 100, now: start.addingTimeInterval(70), makeID: harness.app.effects.makeID)
                #expect(report.logsClaimed == 1)
            }
            try await body(harness)
        }
    }

    struct Visibility: Sendable, CustomTestStringConvertible {
        var requester: Requester
        var visible: Set<CallLogID>
        var testDescription: String
    }

    static let visibilities: [Visibility] = [
        Visibility(requester: .person(agent), visible: ["id-1"], testDescription: "an agent on ext-101"),
        Visibility(requester: .person(noPhone), visible: [], testDescription: "an agent without an extension"),
        Visibility(requester: .person(admin), visible: ["id-1", "id-2"], testDescription: "an admin of acc-1"),
        Visibility(
            requester: .person(User(id: "u-9", accountID: "acc-2", extensionID: nil, email: "otto@example.com", name: "Otto", role: .admin)),
            visible: ["id-3"], testDescription: "an admin of acc-2"
        ),
        Visibility(requester: .console, visible: ["id-1", "id-2", "id-3"], testDescription: "the console"),
    ]

    @Test("a log the requester may not see is 'not found', exactly like one that does not exist", arguments: visibilities)
    func callLog(check: Visibility) async throws {
        try await Self.withCalls { harness async throws in
            for id: CallLogID in ["id-1", "id-2", "id-3"] {
                if check.visible.contains(id) {
                    #expect(try await harness.app.callLog(id, for: check.requester).id == id)
                } else {
                    await #expect(throws: PeopleError.logNotFound(id.rawValue)) { try await harness.app.callLog(id, for: check.requester) }
                }
            }
            await #expect(throws: PeopleError.logNotFound("id-404")) { try await harness.app.callLog("id-404", for: check.requester) }
        }
    }

    @Test("the call history lists only what the requester may see", arguments: visibilities)
    func callLogs(check: Visibility) async throws {
        try await Self.withCalls { harness async throws in
            let listed = try await harness.app.callLogs(CallLogQuery(), for: check.requester).map { CallLogID($0.id) }
            #expect(Set(listed) == check.visible)
            #expect(listed.count == check.visible.count)
        }
    }

    @Test("asking for another extension's or account's history does not widen an agent's view")
    func widening() async throws {
        try await Self.withCalls { harness async throws in
            let asked = CallLogQuery(accountID: "acc-2", extensionID: "ext-102")
            #expect(try await harness.app.callLogs(asked, for: .person(Self.agent)).map(\.id) == ["id-1"])
            #expect(try await harness.app.callLogs(CallLogQuery(extensionID: "ext-102"), for: .person(Self.admin)).map(\.id) == ["id-2"])
        }
    }

    @Test("acting on another person's log is refused as 'not found', and changes nothing")
    func actions() async throws {
        try await Self.withCalls { harness async throws in
            let before = try await harness.app.store.callLog("id-2")
            await #expect(throws: PeopleError.logNotFound("id-2")) { try await harness.app.retry("id-2", by: .person(Self.agent)) }
            await #expect(throws: PeopleError.logNotFound("id-2")) {
                try await harness.app.logManually("id-2", ManualLog(notes: "not mine"), by: .person(Self.agent))
            }
            #expect(try await harness.app.store.callLog("id-2") == before)
            #expect(try await harness.app.store.content(session: "s-2", extension: "ext-102").notes == nil)
        }
    }
}
