import Foundation
import ScribeCore
import ScribeStore
import Testing

/// One of the three things that reach a recorded call's log after hang-up, each through the ledger
/// the way the API and the phone system deliver them.
enum Arrival: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case notes
    case recording
    case summary

    static let notesText = "Asked about the renewal"
    static let recordingLink = RecordingLink(recordingID: "rec-1", url: "https://media.example.com/rec-1")
    static let insights = CallInsights(summary: "Customer wants a renewal quote", transcript: "Hello, this is Jane")

    /// Every order the three can arrive in.
    static let orders: [[Arrival]] = [
        [.notes, .recording, .summary], [.notes, .summary, .recording], [.recording, .notes, .summary],
        [.recording, .summary, .notes], [.summary, .notes, .recording], [.summary, .recording, .notes],
    ]

    /// Text that the record body shows once this has arrived.
    var text: String {
        switch self {
        case .notes: Self.notesText
        case .recording: Self.recordingLink.url
        case .summary: Self.insights.summary!
        }
    }

    /// When an all-at-once log stops waiting for it (notes with a 600 s countdown): see ``WriterHarness/recordedCall(_:)``.
    var deadline: TimeInterval {
        switch self {
        case .notes: 665
        case .recording: 245
        case .summary: 845
        }
    }

    var testDescription: String { self.rawValue }

    /// Saves it in `store` at `time`; returns the logs the store queued a write for.
    @discardableResult
    func save(in store: SQLiteLedgerStore, at time: Date) async throws -> [CallLogID] {
        switch self {
        case .notes:
            return try await WriterHarness.saveNotes(Self.notesText, in: store, at: time)
        case .recording:
            return try await store.saveRecording(Self.recordingLink, session: WriterHarness.session, now: time)
        case .summary:
            return try await store.saveInsights(Self.insights, session: WriterHarness.session, now: time)
        }
    }
}

extension WriterHarness {
    /// Settings for a recorded call on an account with AI insights: the recording is due by t0+245
    /// (hang-up + talk time + 120 s slack), the summary and transcript by t0+845; with `countdown`,
    /// notes are expected by hang-up + `countdown`.
    static func recordedCall(_ mode: LoggingMode, countdown: TimeInterval? = nil, fields: Set<LoggedField> = Set(LoggedField.allCases)) -> LoggingSettings {
        LoggingSettings(mode: mode, record: RecordFormat(fields: fields), timing: ArtifactTiming(countdown: countdown, expectInsights: true))
    }

    /// The agent saves their notes (final) for the call.
    @discardableResult
    static func saveNotes(_ text: String, in store: SQLiteLedgerStore, at time: Date) async throws -> [CallLogID] {
        try await store.saveAgentInput(AgentInput(sessionID: Self.session, extensionID: "ext-1", notes: AgentNotes(text: text, isFinal: true, updatedAt: time)), now: time)
    }

    /// `arrival` arrives at the clock's time.
    @discardableResult
    func arrive(_ arrival: Arrival) async throws -> [CallLogID] {
        try await arrival.save(in: self.sqlite, at: self.clock.now)
    }

    /// The agent saves `text` as their notes at the clock's time.
    @discardableResult
    func saveNotes(_ text: String) async throws -> [CallLogID] {
        try await Self.saveNotes(text, in: self.sqlite, at: self.clock.now)
    }
}
