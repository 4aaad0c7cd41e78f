import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Testing

/// Updates read the CRM record back first: a person's edit in the CRM is never overwritten, a
/// deleted record is not recreated, and without an edit the record is rendered afresh.
@Suite("CallLogWriter edit safety")
struct CallLogWriterEditSafetyTests {
    typealias H = WriterHarness

    /// An incremental writer on a recorded call, its record created; returns the record's id.
    func created(_ harness: H, _ book: RecordBook, bodyFormat: BodyFormat = .html) async throws -> (CallLogWriter, StrictCRMConnector, CRMRecordID) {
        let connector = book.connector(bodyFormat: bodyFormat)
        let writer = harness.writer(connector, settings: H.recordedCall(.incremental))
        try await writer.run(harness.job)
        let recordID = try #require(try await harness.log().crmRecordID)
        #expect(book.records[recordID] != nil)
        return (writer, connector, recordID)
    }

    @Test(
        "after a person's edit, new artifacts go after their text, kept byte for byte, and their subject stays",
        arguments: [BodyFormat.plainText, .html, .markdown]
    )
    func personEdit(format: BodyFormat) async throws {
        let harness = try await H(recorded: true)
        let book = RecordBook(contacts: [H.jane])
        let (writer, connector, recordID) = try await self.created(harness, book, bodyFormat: format)

        let subject = "Renewal — call back Friday"
        let body = "Jane called about the renewal.\nShe'll confirm <pricing> & *terms* by Friday.\n"
        book.edit(recordID, subject: subject, body: body)

        harness.move(to: 100)
        try await harness.arrive(.notes)
        #expect(try await harness.runDue(writer) == 1)
        #expect(connector.calls.suffix(2) == ["readCallRecord(\(recordID))", "updateCallRecord(\(recordID))"])
        var record = try #require(book.records[recordID])
        #expect(record.subject == subject)
        #expect(record.body.hasPrefix(body))
        #expect(record.body == format.appending([RecordSection("Notes", Arrival.notesText)], to: body))
        var log = try await harness.log()
        #expect(log.personEdited)
        #expect(log.state == .logged)
        #expect(
            log.timeline.map(\.message).suffix(2) == [
                "A person edited the record in the CRM; from now on Callscribe only adds to it.", "Added notes below the person's text.",
            ]
        )

        // The next artifact is added after the last one, the person's text still first.
        harness.move(to: 150)
        try await harness.arrive(.recording)
        #expect(try await harness.runDue(writer) == 1)
        record = try #require(book.records[recordID])
        #expect(record.subject == subject)
        #expect(record.body == format.appending([RecordSection("Notes", Arrival.notesText), RecordSection("Recording", Arrival.recordingLink.url)], to: body))
        log = try await harness.log()
        #expect(log.timeline.last?.message == "Added recording below the person's text.")
        #expect(log.timeline.filter { $0.message.hasPrefix("A person edited") }.count == 1)
        #expect(book.creates.count == 1)
        #expect(connector.unplannedCalls.isEmpty)
    }

    @Test("without an edit, an update replaces the body with the new full render")
    func noEdit() async throws {
        let harness = try await H(recorded: true)
        let book = RecordBook(contacts: [H.jane])
        let (writer, connector, recordID) = try await self.created(harness, book)
        let before = try #require(book.records[recordID])

        harness.move(to: 100)
        try await harness.arrive(.notes)
        #expect(try await harness.runDue(writer) == 1)
        #expect(connector.calls.suffix(2) == ["readCallRecord(\(recordID))", "updateCallRecord(\(recordID))"])

        let log = try await harness.log()
        let content = try await harness.sqlite.content(session: H.session, extension: "ext-1")
        let journey = try await harness.sqlite.call(H.session)?.journey ?? []
        let expected = CallLogComposer(format: RecordFormat(), bodyFormat: .html)
            .compose(log, contact: H.jane, content: content, agent: AgentIdentity(name: "Alex Agent", extensionNumber: "101"), journey: journey).entry
        let record = try #require(book.records[recordID])
        #expect(record == expected.snapshot)
        #expect(record.subject == before.subject)
        #expect(!record.body.hasPrefix(before.body), "the notes sit in their place, not after the old body")
        #expect(!log.personEdited)
        #expect(log.renderedHash == record.fingerprint)
        #expect(log.timeline.last?.message == "Updated the CRM record with notes.")
    }

    @Test("a record deleted in the CRM is not recreated, and the timeline says so")
    func deletedRecord() async throws {
        let harness = try await H(recorded: true)
        let book = RecordBook(contacts: [H.jane])
        let (writer, connector, recordID) = try await self.created(harness, book)
        book.delete(recordID)

        harness.move(to: 100)
        try await harness.arrive(.notes)
        #expect(try await harness.runDue(writer) == 1)
        #expect(connector.calls.last == "readCallRecord(\(recordID))")
        #expect(book.records.isEmpty)
        #expect(book.creates.count == 1)
        #expect(book.updates.isEmpty)
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.crmRecordID == recordID)
        #expect(log.timeline.last?.message == "The CRM record \(recordID) was deleted in the CRM; not recreating it.")

        // Later artifacts do not bring it back either.
        harness.move(to: 150)
        try await harness.arrive(.recording)
        try await harness.runDue(writer)
        #expect(book.records.isEmpty)
        #expect(book.creates.count == 1)
        #expect(connector.unplannedCalls.isEmpty)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("a field turned off in the settings leaves the record on the next update")
    func fieldTurnedOff() async throws {
        let harness = try await H(recorded: true)
        let book = RecordBook(contacts: [H.jane])
        let (writer, connector, recordID) = try await self.created(harness, book)
        harness.move(to: 100)
        try await harness.arrive(.recording)
        try await harness.runDue(writer)
        #expect(book.records[recordID]?.body.contains(Arrival.recordingLink.url) == true)

        let withoutLink = harness.writer(connector, settings: H.recordedCall(.incremental, fields: Set(LoggedField.allCases).subtracting([.recordingLink])))
        harness.move(to: 150)
        try await harness.arrive(.notes)
        #expect(try await harness.runDue(withoutLink) == 1)

        let record = try #require(book.records[recordID])
        #expect(!record.body.contains(Arrival.recordingLink.url))
        #expect(!record.body.contains("Recording"))
        #expect(record.body.contains(Arrival.notesText))
        #expect(book.updates.last?.entry.recordingURL == nil)
        #expect(book.updates.count == 2)
        let log = try await harness.log()
        #expect(!log.personEdited)
        #expect(log.artifacts[.recording] == .notApplicable)
    }
}
