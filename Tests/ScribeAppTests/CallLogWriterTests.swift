import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Synchronization
import Testing

/// The writer against a real (in-memory) ledger and a connector that answers only what each test plans.
/// Failures and retries are in `CallLogWriterTests+Failures.swift`.
@Suite("CallLogWriter")
struct CallLogWriterTests {
    typealias H = WriterHarness

    @Test("logs a call: one contact search, one create, the log logged and the job gone")
    func happyPath() async throws {
        let harness = try await H()
        let created = Mutex<CallLogEntry?>(nil)
        let connector = StrictCRMConnector(
            findContacts: { _ in [H.jane] },
            createCallRecord: { entry in
                created.withLock { $0 = entry }
                return "hs-call-1"
            }
        )
        try await harness.writer(connector).run(harness.job)

        #expect(connector.calls == ["findContacts(+14155550123)", "createCallRecord(\(harness.logID))"])
        #expect(connector.unplannedCalls.isEmpty)
        let entry = try #require(created.withLock { $0 })
        #expect(entry.marker == harness.logID)
        #expect(entry.subject == "Inbound call from Jane Doe")
        #expect(entry.agentName == "Alex Agent")
        #expect(entry.duration == 60)

        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.crmRecordID == "hs-call-1")
        #expect(log.contact == H.jane)
        #expect(log.timeline.map(\.message) == ["Matched Jane Doe: the only contact with this number.", "Created the CRM record with basics."])
        #expect(log.renderedHash == entry.snapshot.fingerprint)
        #expect(log.artifacts[.basics] == .written)
        #expect(log.artifacts[.recording] == .notApplicable, "the call was not recorded")
        #expect(log.artifacts[.notes] == .absent)
        #expect(log.attempts == 1)
        #expect(log.updatedAt == H.now)
        #expect(try await harness.remainingJobs().isEmpty)
        #expect(try await harness.sqlite.deadJobs().isEmpty)
    }

    @Test("a second attempt finds the record an earlier attempt created instead of creating another")
    func secondAttemptFindsRecord() async throws {
        let harness = try await H()
        // The first attempt's worker died after sending the create; once its lease lapses the job is claimed again.
        var claimed = try await harness.log()
        claimed.createAttempted = true
        try await harness.sqlite.saveCallLog(claimed)
        let retry = try #require(try await harness.sqlite.claimJobs(limit: 10, now: H.at(100), leaseUntil: H.at(130)).first)
        #expect(retry.attempts == 2)
        let connector = StrictCRMConnector(findContacts: { _ in [H.jane] }, findCallRecord: { _ in "hs-existing" })
        try await harness.writer(connector).run(retry)

        #expect(connector.calls == ["findContacts(+14155550123)", "findCallRecord(\(harness.logID))"])
        #expect(connector.unplannedCalls.isEmpty)
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.crmRecordID == "hs-existing")
        #expect(log.contact == H.jane)
        #expect(log.note?.contains("earlier attempt") == true)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("a crash between the CRM create and the ledger commit is repaired without a second record")
    func crashBetweenCreateAndCommit() async throws {
        let harness = try await H(wrap: { FaultyLedgerStore($0, fault: .firstJobCompletion) })
        let sent = Mutex<CallRecordSnapshot?>(nil)
        let connector = StrictCRMConnector(
            findContacts: { _ in [H.jane] },
            createCallRecord: { entry in
                sent.withLock { $0 = entry.snapshot }
                return "hs-call-1"
            },
            findCallRecord: { _ in "hs-call-1" },
            readCallRecord: { _ in sent.withLock { $0 } ?? CallRecordSnapshot(subject: "", body: "") }
        )
        let writer = harness.writer(connector)
        await #expect(throws: FaultyLedgerStore.Failure.self) { try await writer.run(harness.job) }
        let claimed = try await harness.log()
        #expect(claimed.state == .creating, "the claim was saved before the CRM write")
        #expect(claimed.crmRecordID == nil)

        let retry = try #require(try await harness.sqlite.claimJobs(limit: 10, now: H.at(100), leaseUntil: H.at(130)).first)
        try await writer.run(retry)

        // The second contact search is answered by the contact cache. The adopted record is read back:
        // it shows what the first attempt sent, which is all there is, so nothing more is written.
        #expect(
            connector.calls == [
                "findContacts(+14155550123)", "createCallRecord(\(harness.logID))", "findCallRecord(\(harness.logID))", "readCallRecord(hs-call-1)",
            ]
        )
        #expect(connector.unplannedCalls.isEmpty)
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(!log.personEdited)
        #expect(log.crmRecordID == "hs-call-1")
        #expect(log.attempts == 2)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("a second attempt that finds no earlier record creates one")
    func secondAttemptCreates() async throws {
        let harness = try await H()
        var claimed = try await harness.log()
        claimed.createAttempted = true
        try await harness.sqlite.saveCallLog(claimed)
        let retry = try #require(try await harness.sqlite.claimJobs(limit: 10, now: H.at(100), leaseUntil: H.at(130)).first)
        let connector = StrictCRMConnector(
            findContacts: { _ in [H.jane] }, createCallRecord: { _ in "hs-call-2" }, findCallRecord: { _ in nil }
        )
        try await harness.writer(connector).run(retry)

        #expect(connector.calls == ["findContacts(+14155550123)", "findCallRecord(\(harness.logID))", "createCallRecord(\(harness.logID))"])
        #expect(try await harness.log().crmRecordID == "hs-call-2")
    }

    @Test("a caller no contact has is skipped as unknown, with nothing created")
    func unknownContact() async throws {
        let harness = try await H()
        let connector = StrictCRMConnector(findContacts: { _ in [] })
        try await harness.writer(connector).run(harness.job)

        #expect(connector.calls == ["findContacts(+14155550123)"])
        #expect(connector.unplannedCalls.isEmpty)
        let log = try await harness.log()
        #expect(log.state == .skipped(.unknownContact))
        #expect(log.crmRecordID == nil)
        #expect(log.note == "No contact has +14155550123; left for logging by hand.")
        #expect(try await harness.remainingJobs().isEmpty)
        #expect(try await harness.sqlite.deadJobs().isEmpty)
    }

    @Test("an internal call is skipped without asking the CRM anything")
    func internalCall() async throws {
        let harness = try await H(counterpart: "102")
        let connector = StrictCRMConnector()
        try await harness.writer(connector).run(harness.job)

        #expect(connector.calls.isEmpty)
        #expect(try await harness.log().state == .skipped(.internalCall))
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("a logged call run again with nothing new makes no CRM request")
    func alreadyLogged() async throws {
        let harness = try await H()
        let connector = StrictCRMConnector(findContacts: { _ in [H.jane] }, createCallRecord: { _ in "hs-call-1" })
        let writer = harness.writer(connector)
        try await writer.run(harness.job)
        // Saving nothing new still queues a write for the call's logs.
        #expect(try await harness.sqlite.saveAgentInput(AgentInput(sessionID: "s-1", extensionID: "ext-1"), now: H.now) == [harness.logID])
        let again = try #require(try await harness.sqlite.claimJobs(limit: 10, now: H.at(100), leaseUntil: H.at(130)).first)
        try await writer.run(again)

        #expect(connector.calls == ["findContacts(+14155550123)", "createCallRecord(\(harness.logID))"])
        #expect(try await harness.log().crmRecordID == "hs-call-1")
        #expect(try await harness.remainingJobs().isEmpty)
    }
}
