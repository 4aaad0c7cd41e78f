import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Testing

/// Incremental and all-at-once logging of a recorded call whose notes, recording and AI summary
/// arrive through the ledger in every order, some even before the log is claimed.
@Suite("CallLogWriter modes")
struct CallLogWriterModeTests {
    typealias H = WriterHarness

    /// Arrival `index` of a test comes at t0+100, t0+150, t0+200: all before the recording's deadline (t0+245).
    static func arrivalTime(_ index: Int) -> TimeInterval { TimeInterval(100 + 50 * index) }

    // MARK: Incremental

    @Test("incremental: one create at hang-up, then exactly one update per artifact as it arrives", arguments: Arrival.orders)
    func incrementalUpdatesPerArrival(order: [Arrival]) async throws {
        let harness = try await H(recorded: true)
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        let writer = harness.writer(connector, settings: H.recordedCall(.incremental))

        try await writer.run(harness.job)
        #expect(book.creates.count == 1, "created at once, without waiting for anything")
        #expect(book.updates.isEmpty)
        let recordID = try #require(try await harness.log().crmRecordID)
        #expect(try await harness.log().timeline.last?.message == "Created the CRM record with basics.")

        for (index, arrival) in order.enumerated() {
            harness.move(to: Self.arrivalTime(index))
            #expect(try await harness.arrive(arrival) == [harness.logID])
            #expect(try await harness.runDue(writer) == 1)
            #expect(book.updates.count == index + 1, "one update for \(arrival)")
            #expect(book.updates.last?.id == recordID)
            let body = try #require(book.records[recordID]?.body)
            for arrived in order[...index] { #expect(body.contains(arrived.text), "\(arrived) is in the record") }
            for coming in order[(index + 1)...] { #expect(!body.contains(coming.text), "\(coming) is not in the record yet") }
        }

        // A save that changes nothing runs the job, which writes nothing.
        harness.move(to: 500)
        #expect(try await harness.sqlite.saveAgentInput(AgentInput(sessionID: H.session, extensionID: "ext-1"), now: harness.clock.now) == [harness.logID])
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.creates.count == 1)
        #expect(book.updates.count == 3)
        #expect(book.records.count == 1)

        let log = try await harness.log()
        #expect(log.state == .logged)
        for artifact: Artifact in [.basics, .notes, .recording, .aiSummary, .transcript] { #expect(log.artifacts[artifact] == .written, "\(artifact)") }
        #expect(!log.personEdited)
        #expect(connector.unplannedCalls.isEmpty)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test(
        "incremental: what arrived before the log was claimed is in the create; the rest comes as updates",
        arguments: [[Arrival.notes], [.notes, .recording, .summary]]
    )
    func incrementalEarlyArrivals(early: [Arrival]) async throws {
        let harness = try await H(recorded: true, duringCall: { store async throws in
            // Saved during the live call: there is no log yet, so nothing is queued.
            for arrival in early { #expect(try await arrival.save(in: store, at: H.at(30)) == []) }
        })
        let book = RecordBook(contacts: [H.jane])
        let writer = harness.writer(book.connector(), settings: H.recordedCall(.incremental))

        try await writer.run(harness.job)
        let created = try #require(book.creates.first)
        for arrival in early { #expect(created.body.contains(arrival.text), "\(arrival) is in the create") }

        let late = Arrival.allCases.filter { !early.contains($0) }
        for (index, arrival) in late.enumerated() {
            harness.move(to: Self.arrivalTime(index))
            try await harness.arrive(arrival)
            try await harness.runDue(writer)
        }
        #expect(book.creates.count == 1)
        #expect(book.updates.count == late.count)
        let body = try #require(book.onlyRecord?.body)
        for arrival in Arrival.allCases { #expect(body.contains(arrival.text)) }
        #expect(try await harness.log().state == .logged)
    }

    // MARK: All at once

    @Test("all at once: nothing is written while artifacts are pending, then one create with everything and never an update", arguments: Arrival.orders)
    func allAtOnceWaitsForEverything(order: [Arrival]) async throws {
        let harness = try await H(recorded: true)
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        // Notes are expected too (by t0+665), so the create waits for all three.
        let writer = harness.writer(connector, settings: H.recordedCall(.allAtOnce, countdown: 600))

        try await writer.run(harness.job)
        #expect(connector.calls == ["findContacts(+14155550123)"], "no CRM write while artifacts are pending")
        #expect(try await harness.log().state == .waiting(.artifacts, until: H.at(245)))
        #expect(try await harness.log().timeline.last?.message == "Waiting for notes, recording, ai_summary, transcript until \(H.at(245).iso8601).")
        #expect(try await harness.sqlite.nextJobDue() == H.at(245), "the job is kept for the earliest deadline")
        #expect(try await !harness.jobDue(at: 244.9))

        for (index, arrival) in order.enumerated() {
            harness.move(to: Self.arrivalTime(index))
            #expect(try await harness.arrive(arrival) == [harness.logID])
            #expect(try await harness.runDue(writer) == 1)
            let stillComing = order[(index + 1)...]
            guard let next = stillComing.map(\.deadline).min() else { break }
            #expect(book.creates.isEmpty, "still waiting for \(Array(stillComing))")
            #expect(try await harness.log().state == .waiting(.artifacts, until: H.at(next)))
            #expect(try await harness.sqlite.nextJobDue() == H.at(next))
        }
        let created = try #require(book.creates.first)
        #expect(book.creates.count == 1)
        for arrival in Arrival.allCases { #expect(created.body.contains(arrival.text)) }
        #expect(created.recordingURL == Arrival.recordingLink.url)
        #expect(try await harness.log().state == .logged)

        // Notes changed after the create: all-at-once never updates.
        harness.move(to: 500)
        try await harness.saveNotes("Asked about the renewal; wants a discount")
        #expect(try await harness.runDue(writer) == 1)
        #expect(book.updates.isEmpty)
        #expect(book.creates.count == 1)
        #expect(book.onlyRecord?.body.contains("discount") == false)
        #expect(connector.unplannedCalls.isEmpty)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("all at once: an artifact that never arrives is left out once its deadline has passed", arguments: Arrival.allCases)
    func allAtOnceDeadlinePasses(missing: Arrival) async throws {
        let harness = try await H(recorded: true)
        let book = RecordBook(contacts: [H.jane])
        let writer = harness.writer(book.connector(), settings: H.recordedCall(.allAtOnce, countdown: 600))
        try await writer.run(harness.job)

        let arriving = Arrival.allCases.filter { $0 != missing }
        for (index, arrival) in arriving.enumerated() {
            harness.move(to: Self.arrivalTime(index))
            try await harness.arrive(arrival)
            try await harness.runDue(writer)
        }
        #expect(book.creates.isEmpty)
        #expect(try await harness.sqlite.nextJobDue() == H.at(missing.deadline))
        #expect(try await !harness.jobDue(at: missing.deadline - 0.1))

        harness.move(to: missing.deadline)
        #expect(try await harness.runDue(writer) == 1)
        let created = try #require(book.creates.first)
        #expect(book.creates.count == 1)
        for arrival in arriving { #expect(created.body.contains(arrival.text)) }
        #expect(!created.body.contains(missing.text))
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.artifacts[missing == .summary ? .aiSummary : missing == .notes ? .notes : .recording] == .absent)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("all at once: notes typed during the call wait with the log for the recording and summary")
    func allAtOnceEarlyNotes() async throws {
        let harness = try await H(recorded: true, duringCall: { store async throws in
            #expect(try await Arrival.notes.save(in: store, at: H.at(30)) == [])
        })
        let book = RecordBook(contacts: [H.jane])
        let writer = harness.writer(book.connector(), settings: H.recordedCall(.allAtOnce))

        try await writer.run(harness.job)
        #expect(book.creates.isEmpty)
        #expect(try await harness.log().state == .waiting(.artifacts, until: H.at(245)))
        #expect(try await harness.log().artifacts[.notes] == .ready)

        harness.move(to: 100)
        try await harness.arrive(.recording)
        try await harness.runDue(writer)
        #expect(book.creates.isEmpty)
        harness.move(to: 200)
        try await harness.arrive(.summary)
        try await harness.runDue(writer)

        let created = try #require(book.creates.first)
        #expect(book.creates.count == 1)
        for arrival in Arrival.allCases { #expect(created.body.contains(arrival.text)) }
        #expect(book.updates.isEmpty)
    }
}
