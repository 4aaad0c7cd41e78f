import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import Testing

/// Replaying saved webhook bodies: each document gets the treatment a delivery gets, and an answer.
@Suite("EventImporter")
struct EventImporterTests {
    static func body(uuid: String, sequence: Int, status: String = "Setup", session: String = "s-replay-1") -> String {
        """
        {"uuid":"\(uuid)","event":"/restapi/v1.0/account/400123456008/telephony/sessions","timestamp":"2026-11-21T10:00:0\(sequence).000Z",\
        "body":{"sequence":\(sequence),"sessionId":"9001","telephonySessionId":"\(session)","eventTime":"2026-11-21T10:00:0\(sequence).000Z",\
        "parties":[{"accountId":"400123456008","extensionId":"63011000","id":"p-1","direction":"Inbound",\
        "from":{"phoneNumber":"+14155550123"},"to":{"phoneNumber":"+16505550201"},"status":{"code":"\(status)"}}]}}
        """
    }

    let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) }

    @Test("JSON lines: stores new events, reports duplicates and names the missing field of a bad one")
    func jsonLines() async throws {
        let store = try SQLiteLedgerStore.inMemory()
        let file = [
            Self.body(uuid: "u-1", sequence: 1), "", Self.body(uuid: "u-2", sequence: 2, status: "Answered"),
            Self.body(uuid: "u-1", sequence: 1), #"{"uuid":"u-3","body":{"sequence":3}}"#, "not json at all",
        ].joined(separator: "\n")
        let outcomes = try await EventImporter(store: store, now: self.now).importFile(Data(file.utf8))
        #expect(outcomes == [
            .stored(event: "u-1", session: "s-replay-1"),
            .stored(event: "u-2", session: "s-replay-1"),
            .duplicate(event: "u-1", session: "s-replay-1"),
            .rejected(field: "body.telephonySessionId", reason: "required field 'body.telephonySessionId' is missing"),
            .rejected(field: nil, reason: "the body is not a JSON notification envelope"),
        ])
        #expect(try await store.events(of: "s-replay-1").map(\.id) == ["u-1", "u-2"])
    }

    @Test("RingSense insights are saved with their call; the same delivery again is a duplicate")
    func insights() async throws {
        let store = try SQLiteLedgerStore.inMemory()
        let insights = """
            {"uuid":"i-1","event":"/ai/ringsense/v1/public/accounts/400123456008/domains/pbx/insights","timestamp":"2026-11-21T10:05:00.000Z",\
            "body":{"domain":"pbx","sourceRecordId":"r-1","sourceSessionId":"s-replay-1","speakerInfo":[{"speakerId":"p-1","name":"Jane Doe"}],\
            "insights":{"Summary":[{"value":"Wants a quote","start":0,"end":9}],"Transcript":[{"speakerId":"p-1","text":"Hello","start":0,"end":1}]}}}
            """
        let outcomes = try await EventImporter(store: store, now: self.now).importFile(Data((insights + "\n" + insights).utf8))
        #expect(outcomes == [.stored(event: "i-1", session: "s-replay-1"), .duplicate(event: "i-1", session: "s-replay-1")])
        let saved = try await store.content(session: "s-replay-1", extension: "63011000").insights
        #expect(saved?.summary == "Wants a quote")
        #expect(saved?.transcript == "Jane Doe: Hello")
    }

    @Test("a single document and a JSON array of documents are both read")
    func documentAndArray() async throws {
        let store = try SQLiteLedgerStore.inMemory()
        let importer = EventImporter(store: store, now: self.now)
        let single = try await importer.importFile(Data(Self.body(uuid: "u-1", sequence: 1).utf8))
        #expect(single == [.stored(event: "u-1", session: "s-replay-1")])
        let array = "[" + [Self.body(uuid: "u-2", sequence: 2), Self.body(uuid: "u-3", sequence: 3, session: "s-replay-2")].joined(separator: ",") + "]"
        let many = try await importer.importFile(Data(array.utf8))
        #expect(many == [.stored(event: "u-2", session: "s-replay-1"), .stored(event: "u-3", session: "s-replay-2")])
    }

    @Test("a call report finds a call by session id or log id, lists its logs and its events in sequence order")
    func callReport() async throws {
        let store = try SQLiteLedgerStore.inMemory()
        try await store.saveConnection(CRMConnection(id: "hubspot", accountID: "400123456008", kind: "hubspot", baseURL: "http://x", sealedCredential: [1]))
        let importer = EventImporter(store: store, now: self.now)
        let events = [Self.body(uuid: "u-4", sequence: 4, status: "Disconnected"), Self.body(uuid: "u-1", sequence: 1), Self.body(uuid: "u-2", sequence: 2, status: "Answered")]
        _ = try await importer.importFile(Data(events.joined(separator: "\n").utf8))
        _ = try await store.foldPendingEvents(limit: 100, now: self.now(), makeID: { "log-1" })

        let bySession = try #require(try await CallReport.build(id: "s-replay-1", includeEvents: true, store: store))
        #expect(bySession.logs.map(\.id) == ["log-1"])
        #expect(bySession.events?.map(\.sequence) == [1, 2, 4])
        #expect(bySession.text.contains("#4 "))
        let byLog = try #require(try await CallReport.build(id: "log-1", includeEvents: false, store: store))
        #expect(byLog.sessionId == "s-replay-1")
        #expect(byLog.events == nil)
        #expect(try await CallReport.build(id: "s-unknown", includeEvents: true, store: store) == nil)
    }
}
