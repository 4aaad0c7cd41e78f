import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Testing

/// A write that reached the CRM while the ledger never heard of it — the process died before the
/// commit, or the CRM's answer was lost — is repaired on the next attempt, never doubled.
@Suite("CallLogWriter crash recovery")
struct CallLogWriterCrashTests {
    typealias H = WriterHarness

    @Test("a crash between the CRM create and the ledger commit: the retry finds the record by its marker; one record in the CRM")
    func crashAfterCreate() async throws {
        let harness = try await H(wrap: { FaultyLedgerStore($0, fault: .firstJobCompletion) })
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        let writer = harness.writer(connector)
        await #expect(throws: FaultyLedgerStore.Failure.self) { try await writer.run(harness.job) }
        #expect(book.records.count == 1)
        #expect(try await harness.log().state == .creating)
        #expect(try await harness.log().crmRecordID == nil)

        // The lease lapses and another worker picks the job up.
        harness.move(to: 100)
        #expect(try await harness.runDue(writer) == 1)

        #expect(book.records.count == 1)
        #expect(book.creates.count == 1)
        #expect(connector.calls.suffix(2) == ["findCallRecord(\(harness.logID))", "readCallRecord(\(book.records.keys.first!))"])
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.crmRecordID == book.records.keys.first)
        #expect(
            log.timeline.suffix(2).map(\.message) == [
                "Found the record an earlier attempt created (\(log.crmRecordID!)); not creating a second.",
                "The CRM record already shows basics from an earlier attempt.",
            ]
        )
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("a create the CRM accepted but whose answer was lost: the retry finds the record by its marker; one record in the CRM")
    func createAnswerLost() async throws {
        let harness = try await H()
        let book = RecordBook(contacts: [H.jane])
        book.failNextCreate(.acceptThenFail(ConnectorError(.transient, operation: "hubspot.createCall", message: "timed out")))
        let connector = book.connector()
        let writer = harness.writer(connector)
        try await writer.run(harness.job)
        guard case .failed(_, let retryAt?) = try await harness.log().state else {
            Issue.record("expected a failed log with a retry time, got \(try await harness.log().state)")
            return
        }
        #expect(book.records.count == 1)

        harness.move(to: retryAt)
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.records.count == 1)
        #expect(book.creates.count == 1)
        #expect(connector.calls.suffix(2) == ["findCallRecord(\(harness.logID))", "readCallRecord(\(book.records.keys.first!))"])
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.crmRecordID == book.records.keys.first)
    }

    @Test("a record adopted after a lost answer gets what arrived meanwhile: notes typed before the retry are written, once, as ours")
    func adoptedRecordBroughtUpToDate() async throws {
        let harness = try await H(recorded: true)
        let book = RecordBook(contacts: [H.jane])
        book.failNextCreate(.acceptThenFail(ConnectorError(.transient, operation: "hubspot.createCall", message: "timed out")))
        let connector = book.connector()
        let writer = harness.writer(connector, settings: H.recordedCall(.incremental))
        try await writer.run(harness.job)
        guard case .failed(_, let retryAt?) = try await harness.log().state else {
            Issue.record("expected a failed log with a retry time, got \(try await harness.log().state)")
            return
        }
        let recordID = try #require(book.records.keys.first)
        #expect(book.records[recordID]?.body.contains(Arrival.notesText) == false)

        try await harness.arrive(.notes)
        harness.move(to: retryAt)
        try await harness.runDue(writer)

        #expect(book.creates.count == 1)
        #expect(book.records.count == 1)
        let body = try #require(book.records[recordID]?.body)
        #expect(body.components(separatedBy: Arrival.notesText).count == 2, "the notes appear once")
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(!log.personEdited, "the record held our own earlier text, not a person's")
        #expect(log.artifacts[.notes] == .written)
        #expect(log.timeline.contains { $0.message.hasPrefix("Updated the CRM record with") && $0.message.contains("notes") })
    }

    @Test("an update that reached the CRM before a crash is not taken for a person's edit, and is not added twice")
    func crashAfterUpdate() async throws {
        let harness = try await H(recorded: true, wrap: { FaultyLedgerStore($0, fault: .armedJobCompletion) })
        let store = try #require(harness.store as? FaultyLedgerStore)
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        let writer = harness.writer(connector, settings: H.recordedCall(.incremental))
        try await writer.run(harness.job)
        let recordID = try #require(try await harness.log().crmRecordID)

        harness.move(to: 100)
        try await harness.arrive(.notes)
        store.failNextJobCompletion()
        let job = try #require(try await harness.sqlite.claimJobs(limit: 1, now: H.at(100), leaseUntil: H.at(130)).first)
        await #expect(throws: FaultyLedgerStore.Failure.self) { try await writer.run(job) }
        let updated = try #require(book.records[recordID])
        #expect(updated.body.contains(Arrival.notesText))

        harness.move(to: 130)
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.records[recordID] == updated, "the record is as the first attempt left it")
        #expect(book.records.count == 1)
        let log = try await harness.log()
        #expect(!log.personEdited)
        #expect(log.state == .logged)
        #expect(log.artifacts[.notes] == .written)
        #expect(log.renderedHash == updated.fingerprint)

        // Later artifacts still replace the body as a whole: the record was never a person's.
        harness.move(to: 150)
        try await harness.arrive(.recording)
        try await harness.runDue(writer)
        let body = try #require(book.records[recordID]?.body)
        #expect(body.components(separatedBy: Arrival.notesText).count == 2, "the notes appear once")
        #expect(!(try await harness.log().personEdited))
    }

    @Test("a disposition added to a person's edited record before a crash is not added twice, but is sent again: the CRM's field cannot be read back")
    func crashAfterDispositionOnEdit() async throws {
        let harness = try await H(recorded: true, wrap: { FaultyLedgerStore($0, fault: .armedJobCompletion) })
        let store = try #require(harness.store as? FaultyLedgerStore)
        let book = RecordBook(contacts: [H.jane])
        let writer = harness.writer(book.connector(dispositions: [CallDisposition(id: "mb", label: "Meeting booked")]), settings: H.recordedCall(.incremental))
        try await writer.run(harness.job)
        let recordID = try #require(try await harness.log().crmRecordID)
        book.edit(recordID, subject: "Renewal", body: "<p>Jane wants a quote.</p>")

        harness.move(to: 100)
        _ = try await harness.sqlite.saveAgentInput(AgentInput(sessionID: H.session, extensionID: "ext-1", disposition: "Meeting booked"), now: H.at(100))
        store.failNextJobCompletion()
        let job = try #require(try await harness.sqlite.claimJobs(limit: 1, now: H.at(100), leaseUntil: H.at(130)).first)
        await #expect(throws: FaultyLedgerStore.Failure.self) { try await writer.run(job) }
        let added = try #require(book.records[recordID])
        #expect(added.body.hasPrefix("<p>Jane wants a quote.</p>") && added.body.contains("Meeting booked"))
        #expect(book.updates.count == 1)

        harness.move(to: 130)
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.records[recordID] == added, "the section is not added twice")
        let resent = try #require(book.updates.last)
        #expect(book.updates.count == 2)
        #expect(resent.entry.writesDisposition && resent.entry.disposition == "Meeting booked")
        #expect(resent.entry.body == added.body, "the person's text goes back as it is")
        let log = try await harness.log()
        #expect(log.personEdited)
        #expect(log.timeline.last?.message.contains("the disposition sent again") == true)
    }

    @Test("an addition to a person's edited record that reached the CRM before a crash is not added twice")
    func crashAfterAddingToEdit() async throws {
        let harness = try await H(recorded: true, wrap: { FaultyLedgerStore($0, fault: .armedJobCompletion) })
        let store = try #require(harness.store as? FaultyLedgerStore)
        let book = RecordBook(contacts: [H.jane])
        let writer = harness.writer(book.connector(), settings: H.recordedCall(.incremental))
        try await writer.run(harness.job)
        let recordID = try #require(try await harness.log().crmRecordID)
        book.edit(recordID, subject: "Renewal", body: "<p>Jane wants a quote.</p>")

        harness.move(to: 100)
        try await harness.arrive(.notes)
        store.failNextJobCompletion()
        let job = try #require(try await harness.sqlite.claimJobs(limit: 1, now: H.at(100), leaseUntil: H.at(130)).first)
        await #expect(throws: FaultyLedgerStore.Failure.self) { try await writer.run(job) }
        let added = try #require(book.records[recordID])
        #expect(added.body == "<p>Jane wants a quote.</p><p><b>Notes</b>: \(Arrival.notesText)</p>")

        harness.move(to: 130)
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.records[recordID] == added)
        let log = try await harness.log()
        #expect(log.personEdited)
        #expect(log.artifacts[.notes] == .written)

        // The next artifact goes after the notes, the notes still once.
        harness.move(to: 150)
        try await harness.arrive(.recording)
        try await harness.runDue(writer)
        let body = try #require(book.records[recordID]?.body)
        #expect(body == added.body + "<p><b>Recording</b>: \(Arrival.recordingLink.url)</p>")
    }
}
