import Foundation
import ScribeCore
import ScribeStore
import Testing

/// What people and the phone system add to a call (notes, recordings, insights) and the writes it queues.
@Suite("SQLiteLedgerStore call content")
struct LedgerContentTests {
    typealias L = Ledger

    static let draft = AgentNotes(text: "Asked about the renewal", isFinal: false, updatedAt: L.at(40))
    static let saved = AgentNotes(text: "Asked about the renewal; wants a quote", isFinal: true, updatedAt: L.at(90))
    static let link = RecordingLink(recordingID: "rec-1", url: "https://media.example.com/rec-1")
    static let insights = CallInsights(summary: "Wants a renewal quote", transcript: "Hello, this is Jane")

    /// A call rung on `ext-101` and `ext-102`, answered by `ext-101`: both legs end, so it has two logs.
    static func twoExtensionCall(_ session: TelephonySessionID) -> [TelephonyEvent] {
        let steps: [(TimeInterval, [PartyUpdate])] = [
            (0, [L.party("p-1", "ext-101", .setup), L.party("p-2", "ext-102", .setup)]),
            (5, [L.party("p-1", "ext-101", .answered), L.party("p-2", "ext-102", .disconnected, reason: "CallFinished")]),
            (65, [L.party("p-1", "ext-101", .disconnected)]),
        ]
        return steps.enumerated().map { index, step in
            TelephonyEvent(
                id: EventID("\(session)-e\(index + 1)"), accountID: L.account, sessionID: session, sequence: Int64(index + 1),
                eventTime: L.at(step.0), parties: step.1
            )
        }
    }

    /// A ledger holding `s-1` (logs `log-1` for ext-101 and `log-2` for ext-102) and `s-2` (`log-3`), with no job queued.
    func withTwoCalls(_ kind: StoreKind, _ body: (SQLiteLedgerStore) async throws -> Void) async throws {
        try await withStore(kind) { store async throws in
            try await store.saveConnection(L.connection)
            let ids = IDSequence()
            _ = try await store.appendEvents(Self.twoExtensionCall("s-1"), receivedAt: L.at(66))
            _ = try await store.foldPendingEvents(limit: 100, now: L.at(70), makeID: ids.makeID)
            _ = try #require(try await L.claimLog(store, session: "s-2", start: 0, ids: ids))
            let logs = try await store.callLogs(CallLogQuery())
            #expect(Set(logs.map(\.id)) == ["log-1", "log-2", "log-3"])
            #expect(logs.first { $0.id == "log-2" }?.key.extensionID == "ext-102")
            for job in try await store.claimJobs(limit: 10, now: L.at(70), leaseUntil: L.at(100)) {
                let log = try #require(try await store.callLog(job.callLogID))
                try await store.completeJob(job, log: log)
            }
            #expect(try await store.nextJobDue() == nil)
            try await body(store)
        }
    }

    /// The logs whose jobs are due at `offset`; their jobs are run (claimed and completed), so the queue is empty again.
    func due(_ store: SQLiteLedgerStore, at offset: TimeInterval) async throws -> [CallLogID] {
        let jobs = try await store.claimJobs(limit: 10, now: L.at(offset), leaseUntil: L.at(offset + 30))
        for job in jobs { try await store.completeJob(job, log: try #require(try await store.callLog(job.callLogID))) }
        #expect(try await store.nextJobDue() == nil)
        return jobs.map(\.callLogID).sorted()
    }

    @Test("merges what an agent saves: a field left out keeps what was saved before", arguments: StoreKind.allCases)
    func agentInputMerges(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            #expect(try await store.content(session: "s-1", extension: "ext-101") == CallLogContent())

            try await store.saveAgentInput(AgentInput(sessionID: "s-1", extensionID: "ext-101", notes: Self.draft, subject: "Renewal"), now: L.at(40))
            #expect(try await store.content(session: "s-1", extension: "ext-101") == CallLogContent(notes: Self.draft, subject: "Renewal"))

            try await store.saveAgentInput(AgentInput(sessionID: "s-1", extensionID: "ext-101", disposition: "Interested"), now: L.at(80))
            #expect(
                try await store.content(session: "s-1", extension: "ext-101")
                    == CallLogContent(notes: Self.draft, subject: "Renewal", disposition: "Interested")
            )

            try await store.saveAgentInput(AgentInput(sessionID: "s-1", extensionID: "ext-101", notes: Self.saved), now: L.at(90))
            #expect(
                try await store.content(session: "s-1", extension: "ext-101")
                    == CallLogContent(notes: Self.saved, subject: "Renewal", disposition: "Interested")
            )
            #expect(try await store.content(session: "s-1", extension: "ext-102") == CallLogContent(), "agent input is per extension")
        }
    }

    @Test("merges the recording and the insights per call, each replacing only itself", arguments: StoreKind.allCases)
    func mediaMerges(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            try await store.saveAgentInput(AgentInput(sessionID: "s-1", extensionID: "ext-101", notes: Self.saved), now: L.at(90))
            try await store.saveRecording(Self.link, session: "s-1", now: L.at(200))
            #expect(try await store.content(session: "s-1", extension: "ext-101") == CallLogContent(notes: Self.saved, recording: Self.link))

            try await store.saveInsights(Self.insights, session: "s-1", now: L.at(800))
            let newer = RecordingLink(recordingID: "rec-1", url: "https://media.example.com/rec-1?v=2")
            try await store.saveRecording(newer, session: "s-1", now: L.at(900))
            #expect(try await store.content(session: "s-1", extension: "ext-101") == CallLogContent(notes: Self.saved, recording: newer, insights: Self.insights))
            #expect(try await store.content(session: "s-1", extension: "ext-102") == CallLogContent(recording: newer, insights: Self.insights), "media is per call")
            #expect(try await store.content(session: "s-2", extension: "ext-101") == CallLogContent())
        }
    }

    @Test("agent input queues the extension's logs of the call; media queues all the call's logs", arguments: StoreKind.allCases)
    func queuesTheRightLogs(kind: StoreKind) async throws {
        try await withTwoCalls(kind) { store async throws in
            #expect(try await store.saveAgentInput(AgentInput(sessionID: "s-1", extensionID: "ext-101", notes: Self.saved), now: L.at(200)) == ["log-1"])
            #expect(try await self.due(store, at: 200) == ["log-1"])

            #expect(try await store.saveAgentInput(AgentInput(sessionID: "s-1", extensionID: "ext-102", subject: "Missed"), now: L.at(300)) == ["log-2"])
            #expect(try await self.due(store, at: 300) == ["log-2"])

            #expect(try await store.saveRecording(Self.link, session: "s-1", now: L.at(400)) == ["log-1", "log-2"])
            #expect(try await self.due(store, at: 400) == ["log-1", "log-2"])

            #expect(try await store.saveInsights(Self.insights, session: "s-2", now: L.at(500)) == ["log-3"])
            #expect(try await self.due(store, at: 500) == ["log-3"])
        }
    }

    @Test("a recording found by one log's writer queues the call's other logs, not the log already carrying it", arguments: StoreKind.allCases)
    func recordingSparesTheRunningLog(kind: StoreKind) async throws {
        try await withTwoCalls(kind) { store async throws in
            #expect(try await store.saveRecording(Self.link, session: "s-1", now: L.at(400), except: "log-1") == ["log-2"])
            #expect(try await self.due(store, at: 400) == ["log-2"])
            #expect(try await store.content(session: "s-1", extension: "ext-101").recording == Self.link)
        }
    }

    @Test("content for a call or extension without logs is kept and queues nothing", arguments: StoreKind.allCases)
    func queuesNothingWithoutLogs(kind: StoreKind) async throws {
        try await withTwoCalls(kind) { store async throws in
            #expect(try await store.saveAgentInput(AgentInput(sessionID: "s-1", extensionID: "ext-103", notes: Self.saved), now: L.at(200)).isEmpty)
            #expect(try await store.saveAgentInput(AgentInput(sessionID: "s-9", extensionID: "ext-101", notes: Self.draft), now: L.at(200)).isEmpty)
            #expect(try await store.saveRecording(Self.link, session: "s-9", now: L.at(200)).isEmpty)
            #expect(try await store.saveInsights(Self.insights, session: "s-9", now: L.at(200)).isEmpty)
            #expect(try await store.nextJobDue() == nil)
            #expect(try await store.content(session: "s-9", extension: "ext-101") == CallLogContent(notes: Self.draft, recording: Self.link, insights: Self.insights))
        }
    }

    @Test("a person's request is stored with the log and queues it; an unknown log is refused", arguments: StoreKind.allCases)
    func requestLog(kind: StoreKind) async throws {
        try await withTwoCalls(kind) { store async throws in
            let request = PersonRequest(requestedAt: L.at(300), contact: .existing("c-9"))
            try await store.requestLog("log-2", request, now: L.at(300))
            #expect(try await store.callLog("log-2")?.request == request)
            #expect(try await store.callLog("log-2")?.hasOpenRequest == true)
            #expect(try await self.due(store, at: 300) == ["log-2"])
            await #expect(throws: LedgerStoreError.callLogNotFound("log-404")) {
                try await store.requestLog("log-404", request, now: L.at(300))
            }
        }
    }
}
