import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Testing

/// A person logs a call by hand (`requestLog`): creating the contact, bringing a logged record up
/// to date, or retrying a dead-lettered write.
@Suite("CallLogWriter manual logging")
struct CallLogWriterManualTests {
    typealias H = WriterHarness

    @Test("a skipped unknown caller logged by hand with a new contact: the contact and the record are created")
    func createContactByHand() async throws {
        let harness = try await H()
        let book = RecordBook()
        let connector = book.connector(creatingContacts: true)
        let writer = harness.writer(connector)
        try await writer.run(harness.job)
        #expect(try await harness.log().state == .skipped(.unknownContact))

        harness.move(to: 300)
        try await harness.sqlite.requestLog(harness.logID, PersonRequest(requestedAt: H.at(300), contact: .create(name: "Sam Lee")), now: H.at(300))
        #expect(try await harness.runDue(writer) == 1)

        let contact = try #require(book.contactsCreated.first)
        #expect(book.contactsCreated.count == 1)
        #expect(contact.name == "Sam Lee")
        #expect(contact.phoneNumbers == [H.caller])
        #expect(book.creates.count == 1)
        #expect(book.creates.first?.contact == contact)
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.contact == contact)
        #expect(log.requestHandledAt == H.at(300))
        #expect(log.timeline.map(\.message).suffix(2) == ["Created contact Sam Lee (created by a person).", "Created the CRM record with basics."])
        #expect(connector.unplannedCalls.isEmpty)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("a retry that still finds no contact closes the person's request with the reason instead of leaving it open")
    func requestNotCarriedOut() async throws {
        let harness = try await H()
        let book = RecordBook()
        let connector = book.connector()
        let writer = harness.writer(connector)
        try await writer.run(harness.job)
        #expect(try await harness.log().state == .skipped(.unknownContact))

        harness.move(to: 300)
        try await harness.sqlite.requestLog(harness.logID, PersonRequest(requestedAt: H.at(300), contact: nil), now: H.at(300))
        #expect(try await harness.runDue(writer) == 1)

        let log = try await harness.log()
        #expect(log.state == .skipped(.unknownContact))
        #expect(!log.hasOpenRequest)
        #expect(log.requestHandledAt == H.at(300))
        #expect(log.timeline.last?.message.hasPrefix("The request to log this call stops here: Not logged: no CRM contact") == true)
        #expect(book.creates.isEmpty)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("the deal a person chose is on the created record's entry and named in the timeline")
    func relatedRecordOnCreate() async throws {
        let harness = try await H()
        let book = RecordBook()
        let connector = book.connector(creatingContacts: true)
        let writer = harness.writer(connector)
        try await writer.run(harness.job)
        #expect(try await harness.log().state == .skipped(.unknownContact))

        harness.move(to: 300)
        let deal = RelatedRecord(id: "deal-7", kind: RelatedRecord.deal, name: "Annual renewal")
        try await harness.sqlite.requestLog(harness.logID, PersonRequest(requestedAt: H.at(300), contact: .create(name: "Sam Lee"), relatedRecord: deal), now: H.at(300))
        #expect(try await harness.runDue(writer) == 1)

        #expect(book.creates.count == 1)
        #expect(book.creates.first?.relatedRecord == deal)
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.timeline.last?.message == "Created the CRM record with basics, attached to the deal Annual renewal.")
        #expect(connector.unplannedCalls.isEmpty)
    }

    @Test("a request on a call already logged updates the same record with what is new, and never creates another", arguments: LoggingMode.allCases)
    func requestOnLoggedCall(mode: LoggingMode) async throws {
        let harness = try await H()
        let book = RecordBook(contacts: [H.jane])
        // No contact creation planned: a request naming a new contact must not make one for a logged call.
        let connector = book.connector()
        let writer = harness.writer(connector, settings: LoggingSettings(mode: mode))
        try await writer.run(harness.job)
        let recordID = try #require(try await harness.log().crmRecordID)

        harness.move(to: 300)
        try await harness.saveNotes(Arrival.notesText)
        try await harness.sqlite.requestLog(harness.logID, PersonRequest(requestedAt: H.at(300), contact: .create(name: "Someone Else")), now: H.at(300))
        #expect(try await harness.runDue(writer) == 1)

        #expect(book.creates.count == 1)
        #expect(book.updates.map(\.id) == [recordID])
        #expect(book.records[recordID]?.body.contains(Arrival.notesText) == true)
        #expect(book.contactsCreated.isEmpty)
        #expect(connector.unplannedCalls.isEmpty)
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.contact == H.jane)
        #expect(log.requestHandledAt == H.at(300))
        #expect(!log.hasOpenRequest)

        // The request was carried out: the next trigger is automatic again (all-at-once: no update).
        harness.move(to: 400)
        try await harness.saveNotes("Asked about the renewal; wants a discount")
        try await harness.runDue(writer)
        #expect(book.creates.count == 1)
        #expect(book.updates.count == (mode == .incremental ? 2 : 1))
    }

    @Test("a dead-lettered write is retried by a person's request and succeeds")
    func retryDeadLetter() async throws {
        let harness = try await H()
        let book = RecordBook(contacts: [H.jane])
        book.failNextCreate(.refuse(ConnectorError(.validationFailed(field: "hs_timestamp"), operation: "hubspot.createCall", status: 400, message: "bad")))
        let writer = harness.writer(book.connector())
        try await writer.run(harness.job)
        guard case .failed(_, nil) = try await harness.log().state else {
            Issue.record("expected a permanently failed log, got \(try await harness.log().state)")
            return
        }
        #expect(try await harness.sqlite.deadJobs().map(\.callLogID) == [harness.logID])
        #expect(book.records.isEmpty)

        harness.move(to: 300)
        try await harness.sqlite.requestLog(harness.logID, PersonRequest(requestedAt: H.at(300), contact: nil), now: H.at(300))
        #expect(try await harness.sqlite.deadJobs().isEmpty)
        let revived = try #require(try await harness.sqlite.claimJobs(limit: 10, now: H.at(300), leaseUntil: H.at(330)).first)
        #expect(revived.attempts == 1, "a revived job starts its attempts afresh")
        #expect(revived.lastError == nil)
        try await writer.run(revived)

        #expect(book.records.count == 1)
        #expect(book.creates.count == 1)
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.requestHandledAt == H.at(300))
        #expect(try await harness.remainingJobs().isEmpty)
    }
}
