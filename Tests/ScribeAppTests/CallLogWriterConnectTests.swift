import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Testing

/// "Create the record when the call connects": the log is claimed as soon as the call is answered;
/// with that setting the record is created while people talk and completed once, at hang-up.
@Suite("CallLogWriter when the call connects")
struct CallLogWriterConnectTests {
    typealias H = WriterHarness

    static let onConnect = LoggingSettings(createWhen: .connected)

    @Test("created while the call lasts, then one update at hang-up with the duration, the result and the notes typed during the call")
    func createdOnConnect() async throws {
        let harness = try await H(talking: true)
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        let writer = harness.writer(connector, settings: Self.onConnect)

        try await writer.run(harness.job)
        #expect(book.creates.count == 1, "the record exists while the call lasts")
        let created = try #require(book.creates.first)
        #expect(created.duration == 0)
        #expect(created.body.contains("In progress"))
        #expect(created.contact == H.jane)
        var log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.leg.inProgress)
        #expect(try await harness.remainingJobs().isEmpty, "nothing is due until the call ends")

        // Notes typed live queue the log, which writes nothing more while the call lasts.
        harness.move(to: 30)
        let live = AgentNotes(text: "Wants the annual plan", isFinal: false, updatedAt: H.at(30))
        #expect(try await harness.sqlite.saveAgentInput(AgentInput(sessionID: H.session, extensionID: "ext-1", notes: live), now: H.at(30)) == [harness.logID])
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.updates.isEmpty, "no update mid-call")

        let report = try await harness.hangUp()
        #expect(report.logsClaimed == 0, "the call's log is the one claimed at answer")
        #expect(report.logsRequeued == 1)
        harness.move(to: 71)
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.updates.isEmpty, "the hang-up waits the moment the live notes settle, to write both at once")
        log = try await harness.log()
        #expect(log.state == .waiting(.artifacts, until: H.at(75)))
        #expect(!log.leg.inProgress)

        harness.move(to: 75)
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.updates.count == 1)
        let update = try #require(book.updates.first)
        #expect(update.entry.duration == 60)
        #expect(update.entry.result == .answered)
        #expect(update.entry.body.contains("Wants the annual plan"))
        #expect(update.entry.body.contains("1m 00s"))
        #expect(!update.entry.body.contains("In progress"))
        #expect(book.records.count == 1)
        #expect(connector.unplannedCalls.isEmpty)
        log = try await harness.log()
        #expect(log.artifacts[.basics] == .written)
        #expect(log.artifacts[.notes] == .written)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("a record a person edited while the call lasted is still completed at hang-up: status, length and outcome, their text kept")
    func editedWhileTalking() async throws {
        let harness = try await H(talking: true)
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector(dispositions: [CallDisposition(id: "connected", label: "Connected")])
        let writer = harness.writer(connector, settings: Self.onConnect)
        try await writer.run(harness.job)
        let recordID = try #require(book.records.keys.first)
        #expect(book.creates.first?.inProgress == true)
        #expect(try await harness.log().writtenInProgress)
        book.edit(recordID, subject: "Renewal call", body: "<p>Jane is renewing.</p>")

        try await harness.hangUp()
        harness.move(to: 71)
        try await harness.runDue(writer)

        let update = try #require(book.updates.last, "the end of the call is written")
        #expect(!update.entry.inProgress)
        #expect(update.entry.duration == 60)
        #expect(update.entry.writesDisposition, "the outcome was never written while the call lasted")
        #expect(update.entry.subject == "Renewal call")
        #expect(update.entry.body.hasPrefix("<p>Jane is renewing.</p>"), "the person's text stays")
        let log = try await harness.log()
        #expect(log.personEdited)
        #expect(!log.writtenInProgress)
        #expect(log.state == .logged)
    }

    @Test("with the default setting, a call in progress waits for its end without a CRM request, then is created once")
    func waitsForTheEnd() async throws {
        let harness = try await H(talking: true)
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        let writer = harness.writer(connector)

        try await writer.run(harness.job)
        #expect(connector.calls.isEmpty, "no CRM request while the call lasts")
        let log = try await harness.log()
        #expect(log.state == .waiting(.callEnd, until: nil))
        #expect(log.timeline.last?.message == "Call in progress; the record is written when it ends.")
        #expect(try await harness.remainingJobs().isEmpty)

        try await harness.hangUp()
        harness.move(to: 71)
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.creates.count == 1)
        #expect(book.creates.first?.duration == 60)
        #expect(book.updates.isEmpty)
        #expect(try await harness.log().state == .logged)
        #expect(connector.unplannedCalls.isEmpty)
    }

    @Test(
        "a setting that needs the call's end keeps the record until then, even when records are created on connect",
        arguments: [
            LoggingSettings(mode: .allAtOnce, createWhen: .connected),
            LoggingSettings(createWhen: .connected, policy: LoggingPolicy(minimumDuration: 30)),
        ]
    )
    func settingsThatNeedTheEnd(settings: LoggingSettings) async throws {
        let harness = try await H(talking: true)
        let connector = StrictCRMConnector()
        let writer = harness.writer(connector, settings: settings)

        try await writer.run(harness.job)
        #expect(connector.calls.isEmpty)
        #expect(try await harness.log().state == .waiting(.callEnd, until: nil))
    }

    @Test("a rule that needs no length is applied while the call lasts: a blocked number is skipped at once and stays skipped")
    func blockedWhileTalking() async throws {
        let harness = try await H(talking: true)
        let connector = StrictCRMConnector()
        let writer = harness.writer(connector, settings: LoggingSettings(createWhen: .connected, policy: LoggingPolicy(blockedNumbers: [H.caller])))

        try await writer.run(harness.job)
        #expect(try await harness.log().state == .skipped(.blockedNumber))
        try await harness.hangUp()
        harness.move(to: 71)
        #expect(try await harness.runDue(writer) == 1)
        #expect(try await harness.log().state == .skipped(.blockedNumber))
        #expect(connector.calls.isEmpty)
    }
}
