import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Testing

/// The custom-field values of a person's request go with the write that carries it out, and with
/// no other write.
@Suite("CallLogWriter custom fields")
struct CallLogWriterCustomFieldTests {
    typealias H = WriterHarness

    static let values = ["call_reason": "renewal", "satisfaction_score": "4"]

    static func request(at offset: TimeInterval, contact: ContactRequest? = nil) -> PersonRequest {
        PersonRequest(requestedAt: H.at(offset), contact: contact, customFields: Self.values)
    }

    @Test("a call logged by hand is created with the values and the timeline names them")
    func onCreate() async throws {
        let harness = try await H()
        let book = RecordBook()
        let connector = book.connector(creatingContacts: true)
        let writer = harness.writer(connector)
        try await writer.run(harness.job)
        #expect(try await harness.log().state == .skipped(.unknownContact))

        harness.move(to: 300)
        try await harness.sqlite.requestLog(harness.logID, Self.request(at: 300, contact: .create(name: "Sam Lee")), now: H.at(300))
        #expect(try await harness.runDue(writer) == 1)

        #expect(book.creates.map(\.customFields) == [Self.values])
        #expect(try await harness.log().timeline.last?.message == "Created the CRM record with basics; custom fields set: call_reason, satisfaction_score.")
        #expect(connector.unplannedCalls.isEmpty)
    }

    @Test("on a logged record, values alone are an update; the next automatic update does not send them again")
    func onUpdateOnly() async throws {
        let harness = try await H()
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        let writer = harness.writer(connector)
        try await writer.run(harness.job)
        let recordID = try #require(try await harness.log().crmRecordID)
        #expect(book.creates.first?.customFields == [:], "an automatic create sends none")

        harness.move(to: 300)
        try await harness.sqlite.requestLog(harness.logID, Self.request(at: 300), now: H.at(300))
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.updates.map(\.id) == [recordID], "nothing else changed, the values are still written")
        #expect(book.updates.last?.entry.customFields == Self.values)
        #expect(try await harness.log().timeline.last?.message == "Updated the CRM record; custom fields set: call_reason, satisfaction_score.")

        harness.move(to: 400)
        try await harness.saveNotes("Wants a discount")
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.updates.count == 2)
        #expect(book.updates.last?.entry.customFields == [:])
        #expect(connector.unplannedCalls.isEmpty)
    }

    @Test("on a record a person edited in the CRM, the values are set and their text is sent back as it is")
    func onEditedRecord() async throws {
        let harness = try await H()
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        let writer = harness.writer(connector)
        try await writer.run(harness.job)
        let recordID = try #require(try await harness.log().crmRecordID)
        book.edit(recordID, subject: "Jane: renewal", body: "Typed in the CRM")

        harness.move(to: 300)
        try await harness.sqlite.requestLog(harness.logID, Self.request(at: 300), now: H.at(300))
        #expect(try await harness.runDue(writer) == 1)
        let update = try #require(book.updates.last)
        #expect(update.entry.customFields == Self.values)
        #expect(update.entry.subject == "Jane: renewal")
        #expect(update.entry.body == "Typed in the CRM")
        #expect(book.records[recordID] == CallRecordSnapshot(subject: "Jane: renewal", body: "Typed in the CRM"))
        let log = try await harness.log()
        #expect(log.personEdited)
        #expect(log.timeline.last?.message == "Nothing new to add to the edited record; custom fields set: call_reason, satisfaction_score.")
    }
}
