import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Testing

/// The writer asks the phone system for a recorded call's link once it should be ready: about as
/// long after hang-up as the call lasted (the 60 s call ended at t0+65, so from t0+125), every 15 s
/// until the recording's deadline (t0+245).
@Suite("CallLogWriter recording look-ups")
struct CallLogWriterRecordingTests {
    typealias H = WriterHarness

    static func settings(_ mode: LoggingMode) -> LoggingSettings {
        LoggingSettings(mode: mode, timing: ArtifactTiming(expectInsights: false))
    }

    @Test("not asked before the recording should be ready; asked after; the link is stored in the ledger and written", arguments: LoggingMode.allCases)
    func polling(mode: LoggingMode) async throws {
        let harness = try await H(recorded: true)
        let book = RecordBook(contacts: [H.jane])
        let recordings = PlannedRecordings([H.session: [nil, Arrival.recordingLink]], clock: harness.clock)
        let writer = harness.writer(book.connector(), settings: Self.settings(mode), recordings: recordings)

        try await writer.run(harness.job)
        #expect(recordings.asks.isEmpty, "not asked before hang-up + duration")
        #expect(book.creates.count == (mode == .incremental ? 1 : 0))
        #expect(try await harness.sqlite.nextJobDue() == H.at(125))
        #expect(try await !harness.jobDue(at: 124.9))

        harness.move(to: 125)
        #expect(try await harness.runDue(writer) == 1)
        #expect(recordings.asks == [H.at(125)])
        #expect(try await harness.sqlite.content(session: H.session, extension: "ext-1").recording == nil)
        #expect(try await harness.sqlite.nextJobDue() == H.at(140), "asked again 15 s later")

        harness.move(to: 140)
        // The writer carries the link it found in this very run: its own save does not queue it again.
        #expect(try await harness.runDue(writer) == 1)
        #expect(recordings.asks == [H.at(125), H.at(140)])
        #expect(try await harness.sqlite.content(session: H.session, extension: "ext-1").recording == Arrival.recordingLink)
        #expect(book.creates.count == 1)
        let written = try #require(mode == .incremental ? book.updates.last?.entry : book.creates.last)
        #expect(written.recordingURL == Arrival.recordingLink.url)
        #expect(written.body.contains(Arrival.recordingLink.url))
        #expect(book.updates.count == (mode == .incremental ? 1 : 0))
        #expect(try await harness.log().artifacts[.recording] == .written)
        #expect(try await harness.remainingJobs().isEmpty)
        #expect(recordings.asks.count == 2, "not asked once the link is in the ledger")
    }

    @Test("asks every 15 s until the deadline, then logs without the recording", arguments: LoggingMode.allCases)
    func recordingNeverReady(mode: LoggingMode) async throws {
        let harness = try await H(recorded: true)
        let book = RecordBook(contacts: [H.jane])
        let recordings = PlannedRecordings([:], clock: harness.clock)
        let writer = harness.writer(book.connector(), settings: Self.settings(mode), recordings: recordings)
        try await writer.run(harness.job)

        var runs = 0
        while let due = try await harness.sqlite.nextJobDue(), runs < 20 {
            harness.move(to: due)
            try await harness.runDue(writer)
            runs += 1
        }
        #expect(recordings.asks == stride(from: 125.0, to: 245, by: 15).map { H.at($0) })
        #expect(book.creates.count == 1)
        #expect(book.updates.isEmpty)
        #expect(book.creates.first?.recordingURL == nil)
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.artifacts[.recording] == .absent)
    }

    @Test("a call without a recording is never looked up")
    func notRecorded() async throws {
        let harness = try await H()
        let book = RecordBook(contacts: [H.jane])
        let recordings = PlannedRecordings([:], clock: harness.clock)
        try await harness.writer(book.connector(), settings: Self.settings(.incremental), recordings: recordings).run(harness.job)
        #expect(recordings.asks.isEmpty)
        #expect(book.creates.count == 1)
        #expect(try await harness.remainingJobs().isEmpty)
    }
}
