import Foundation
import ScribeCore
import Testing

@Suite("ArtifactChecklist")
struct ArtifactChecklistTests {
    typealias F = CallFixtures
    typealias L = LogFixtures

    /// The recorded leg ends at t0 + 65 s after 60 s of talk.
    static let ended = F.t0.addingTimeInterval(65)

    static func at(_ secondsAfterHangUp: TimeInterval) -> Date { ended.addingTimeInterval(secondsAfterHangUp) }

    /// Countdown 30 s, notes hold 600 s, recording slack 120 s, insights 600 s after the recording's
    /// deadline: notes are due at +30 s, the recording at +180 s (60 s of talk + 120 s), insights at +780 s.
    static func settings(countdown: TimeInterval? = 30, expectInsights: Bool = true, without fields: LoggedField...) -> LoggingSettings {
        var record = L.newYorkFormat
        record.fields.subtract(fields)
        return LoggingSettings(
            record: record,
            timing: ArtifactTiming(countdown: countdown, notesHold: 600, recordingSlack: 120, expectInsights: expectInsights, insightsWait: 600)
        )
    }

    /// The checklist at `now`, with what the record would show composed from `content` as the writer does.
    static func evaluate(
        leg: CallLeg = L.recordedLeg, content: CallLogContent = CallLogContent(), settings: LoggingSettings = settings(),
        written: [Artifact: String] = [:], journey: [String] = [], at now: Date
    ) -> ArtifactChecklist {
        let shown = L.compose(format: settings.record, leg: leg, content: content, journey: journey).artifactFingerprints
        return ArtifactChecklist.evaluate(leg: leg, content: content, settings: settings, shown: shown, written: written, now: now)
    }

    static func shown(content: CallLogContent, settings: LoggingSettings = settings()) -> [Artifact: String] {
        L.compose(format: settings.record, content: content, journey: []).artifactFingerprints
    }

    @Test("the timing's deadlines are as documented")
    func deadlines() {
        let timing = Self.settings().timing
        #expect(timing.recordingDeadline(L.recordedLeg) == Self.at(180))
        #expect(timing.insightsDeadline(L.recordedLeg) == Self.at(780))
    }

    @Test("a just-ended recorded call: basics ready, notes counting down, recording and insights pending, nothing else expected")
    func justEnded() {
        let checklist = Self.evaluate(at: Self.at(0))
        #expect(
            checklist.states == [
                .basics: .ready, .notes: .pending(deadline: Self.at(30)), .disposition: .absent, .recording: .pending(deadline: Self.at(180)),
                .aiSummary: .pending(deadline: Self.at(780)), .transcript: .pending(deadline: Self.at(780)), .callJourney: .notApplicable,
            ]
        )
    }

    @Test("basics are ready, then written once the record shows them")
    func basics() {
        #expect(Self.evaluate(at: Self.at(0))[.basics] == .ready)
        let written = Self.shown(content: CallLogContent())
        #expect(Self.evaluate(written: written, at: Self.at(0))[.basics] == .written)
        // Written, then changed (a subject typed later): ready again.
        let content = CallLogContent(subject: "Renewal")
        #expect(Self.evaluate(content: content, written: written, at: Self.at(0))[.basics] == .ready)
    }

    // MARK: Notes

    @Test("notes are absent, not waited for, without a countdown")
    func notesWithoutCountdown() {
        #expect(Self.evaluate(settings: Self.settings(countdown: nil), at: Self.at(0))[.notes] == .absent)
    }

    @Test("notes are pending until the countdown ends, then absent", arguments: [(0, true), (29, true), (30, false), (3600, false)] as [(TimeInterval, Bool)])
    func notesCountdown(after: TimeInterval, pending: Bool) {
        #expect(Self.evaluate(at: Self.at(after))[.notes] == (pending ? .pending(deadline: Self.at(30)) : .absent))
    }

    @Test("draft notes are pending until the agent has been quiet for the notes hold, then ready")
    func draftNotes() {
        // Last keystroke 100 s after hang-up: held until 700 s after, well past the countdown.
        let content = CallLogContent(notes: AgentNotes(text: "Asked about", isFinal: false, updatedAt: Self.at(100)))
        #expect(Self.evaluate(content: content, at: Self.at(100))[.notes] == .pending(deadline: Self.at(700)))
        #expect(Self.evaluate(content: content, at: Self.at(699))[.notes] == .pending(deadline: Self.at(700)))
        #expect(Self.evaluate(content: content, at: Self.at(700))[.notes] == .ready)
        // Also without a countdown: the hold is about the typing.
        #expect(Self.evaluate(content: content, settings: Self.settings(countdown: nil), at: Self.at(100))[.notes] == .pending(deadline: Self.at(700)))
    }

    @Test("draft notes typed only while the call lasted are ready a moment after hang-up, without waiting for a save")
    func liveNotes() {
        // Last keystroke 5 s before hang-up: the call's notes, logged 10 s after it ends.
        let content = CallLogContent(notes: AgentNotes(text: "Wants the team plan", isFinal: false, updatedAt: Self.at(-5)))
        #expect(Self.evaluate(content: content, at: Self.at(0))[.notes] == .pending(deadline: Self.at(ArtifactTiming.liveNotesSettle)))
        #expect(Self.evaluate(content: content, at: Self.at(ArtifactTiming.liveNotesSettle))[.notes] == .ready)
        // Typing again after hang-up turns them into a wrap-up, held until the agent goes quiet.
        let wrapUp = CallLogContent(notes: AgentNotes(text: "Wants the team plan; call back", isFinal: false, updatedAt: Self.at(8)))
        #expect(Self.evaluate(content: wrapUp, at: Self.at(ArtifactTiming.liveNotesSettle))[.notes] == .pending(deadline: Self.at(608)))
    }

    @Test("draft notes already written stay pending while the agent types, and are ready once the hold is over")
    func draftNotesWritten() {
        let draft = CallLogContent(notes: AgentNotes(text: "Asked about", isFinal: false, updatedAt: Self.at(100)))
        let written = Self.shown(content: CallLogContent(notes: L.notes("Asked")))
        #expect(Self.evaluate(content: draft, written: written, at: Self.at(200))[.notes] == .pending(deadline: Self.at(700)))
        #expect(Self.evaluate(content: draft, written: written, at: Self.at(700))[.notes] == .ready)
    }

    @Test("final notes are ready at once, even while the countdown runs")
    func finalNotes() {
        let content = CallLogContent(notes: L.notes("Asked about renewal."))
        #expect(Self.evaluate(content: content, at: Self.at(0))[.notes] == .ready)
        #expect(Self.evaluate(content: content, written: Self.shown(content: content), at: Self.at(0))[.notes] == .written)
    }

    @Test("notes are not applicable when the settings leave them out")
    func notesOff() {
        #expect(Self.evaluate(settings: Self.settings(without: .notes), at: Self.at(0))[.notes] == .notApplicable)
        #expect(Self.evaluate(settings: Self.settings(countdown: nil, without: .notes), at: Self.at(0))[.notes] == .notApplicable)
    }

    // MARK: Recording

    @Test("a recording is pending until the call's length plus the slack after hang-up, then absent", arguments: [(0, true), (179, true), (180, false)] as [(TimeInterval, Bool)])
    func recordingDeadline(after: TimeInterval, pending: Bool) {
        #expect(Self.evaluate(at: Self.at(after))[.recording] == (pending ? .pending(deadline: Self.at(180)) : .absent))
    }

    @Test("a recording is ready when it arrives")
    func recordingArrives() {
        #expect(Self.evaluate(content: CallLogContent(recording: L.recording), at: Self.at(100))[.recording] == .ready)
    }

    @Test("a recording is not applicable for a leg that was not recorded")
    func unrecordedLeg() {
        let checklist = Self.evaluate(leg: L.unrecordedLeg, at: L.unrecordedLeg.endedAt)
        #expect(checklist[.recording] == .notApplicable)
        #expect(checklist[.aiSummary] == .notApplicable)
        #expect(checklist[.transcript] == .notApplicable)
    }

    @Test("a recording is not applicable when the recording link is left out, even once it arrived")
    func recordingOff() {
        let settings = Self.settings(without: .recordingLink)
        #expect(Self.evaluate(settings: settings, at: Self.at(0))[.recording] == .notApplicable)
        #expect(Self.evaluate(content: CallLogContent(recording: L.recording), settings: settings, at: Self.at(100))[.recording] == .notApplicable)
    }

    // MARK: AI insights

    @Test("the AI summary and transcript are pending only for a recorded leg on an account with insights")
    func insightsExpected() {
        let withInsights = Self.evaluate(at: Self.at(0))
        #expect(withInsights[.aiSummary] == .pending(deadline: Self.at(780)))
        #expect(withInsights[.transcript] == .pending(deadline: Self.at(780)))
        let withoutInsights = Self.evaluate(settings: Self.settings(expectInsights: false), at: Self.at(0))
        #expect(withoutInsights[.aiSummary] == .notApplicable)
        #expect(withoutInsights[.transcript] == .notApplicable)
    }

    @Test("the AI summary and transcript are absent after their deadline, and each is ready when it arrives")
    func insightsArrive() {
        let late = Self.evaluate(at: Self.at(780))
        #expect(late[.aiSummary] == .absent)
        #expect(late[.transcript] == .absent)
        let summaryOnly = Self.evaluate(content: CallLogContent(insights: CallInsights(summary: "Wants a quote.", transcript: nil)), at: Self.at(300))
        #expect(summaryOnly[.aiSummary] == .ready)
        #expect(summaryOnly[.transcript] == .pending(deadline: Self.at(780)))
    }

    @Test("the AI summary or transcript is not applicable when the settings leave it out")
    func insightsOff() {
        let checklist = Self.evaluate(settings: Self.settings(without: .aiSummary, .transcript), at: Self.at(0))
        #expect(checklist[.aiSummary] == .notApplicable)
        #expect(checklist[.transcript] == .notApplicable)
    }

    // MARK: Disposition, journey

    @Test("a disposition is absent until chosen, and not applicable when left out")
    func disposition() {
        #expect(Self.evaluate(at: Self.at(0))[.disposition] == .absent)
        #expect(Self.evaluate(content: CallLogContent(disposition: "Interested"), at: Self.at(0))[.disposition] == .ready)
        #expect(Self.evaluate(settings: Self.settings(without: .disposition), at: Self.at(0))[.disposition] == .notApplicable)
    }

    @Test("the call journey is ready when there is one, and not applicable otherwise")
    func journey() {
        #expect(Self.evaluate(at: Self.at(0))[.callJourney] == .notApplicable)
        #expect(Self.evaluate(journey: L.journey, at: Self.at(0))[.callJourney] == .ready)
    }

    // MARK: Written, then no longer shown

    @Test(
        "an artifact written but no longer shown (its field turned off) is ready, so the next update removes it",
        arguments: [(LoggedField.transcript, Artifact.transcript), (.recordingLink, .recording), (.notes, .notes), (.aiSummary, .aiSummary), (.disposition, .disposition)]
    )
    func writtenThenHidden(field: LoggedField, artifact: Artifact) throws {
        let written = Self.shown(content: L.fullContent)
        let settings = Self.settings(without: field)
        #expect(Self.shown(content: L.fullContent, settings: settings)[artifact] == nil)
        let checklist = Self.evaluate(content: L.fullContent, settings: settings, written: written, at: Self.at(1000))
        #expect(checklist[artifact] == .ready)
        #expect(checklist.ready == [artifact])
    }

    // MARK: pending(among:)

    @Test("lists the pending artifacts in order with the earliest deadline")
    func pendingAmong() throws {
        let checklist = Self.evaluate(at: Self.at(0))
        let all = try #require(checklist.pending())
        #expect(all.artifacts == [.notes, .recording, .aiSummary, .transcript])
        #expect(all.until == Self.at(30))
        let later = try #require(checklist.pending(among: [.transcript, .recording]))
        #expect(later.artifacts == [.recording, .transcript])
        #expect(later.until == Self.at(180))
        #expect(checklist.pending(among: [.basics, .disposition]) == nil)
        #expect(Self.evaluate(at: Self.at(780)).pending() == nil)
    }
}
