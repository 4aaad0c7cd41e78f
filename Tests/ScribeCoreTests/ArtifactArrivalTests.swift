import Foundation
import ScribeCore
import Testing

/// A recorded call whose notes, recording and AI insights arrive in every order, some before the
/// create and some after, driven through ``ArtifactChecklist/evaluate`` and ``CallLogPlanner/nextStep``
/// the way the writer drives them: run at hang-up, whenever something arrives, and at the deadline
/// it was told to wait until; a create or update writes what the composer shows.
@Suite("Writing a log as artifacts arrive")
struct ArtifactArrivalTests {
    typealias F = CallFixtures
    typealias L = LogFixtures

    enum Arrival: String, CaseIterable, Sendable {
        /// The agent saves final notes.
        case notes
        case recording
        /// The AI summary and the transcript, together.
        case insights

        var artifacts: Set<Artifact> {
            switch self {
            case .notes: [.notes]
            case .recording: [.recording]
            case .insights: [.aiSummary, .transcript]
            }
        }

        /// Seconds after hang-up until which it is waited for, under ``settings``.
        var deadline: TimeInterval {
            switch self {
            case .notes: 120  // the countdown
            case .recording: 180  // 60 s of talk + 120 s slack
            case .insights: 780  // the recording's deadline + 600 s
            }
        }
    }

    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        /// Seconds after hang-up at which each artifact arrives; one not listed never does.
        var arrivals: [Arrival: TimeInterval]

        var testDescription: String { self.name }

        /// When nothing more is worth waiting for: each artifact has arrived or passed its deadline.
        var settledAt: TimeInterval {
            Arrival.allCases.map { arrival in self.arrivals[arrival].map { min($0, arrival.deadline) } ?? arrival.deadline }.max()!
        }

        func arrived(by time: TimeInterval) -> Set<Artifact> {
            Set(self.arrivals.filter { $0.value <= time }.keys.flatMap(\.artifacts))
        }
    }

    /// All six orders, at 20, 60 and 100 s after hang-up (each before its deadline), then the odd cases.
    static let scenarios: [Scenario] =
        F.permutations(Arrival.allCases).map { order in
            Scenario(name: order.map(\.rawValue).joined(separator: " → "), arrivals: Dictionary(uniqueKeysWithValues: zip(order, [20, 60, 100])))
        } + [
            Scenario(name: "notes → insights, the recording never arrives", arrivals: [.notes: 20, .insights: 60]),
            Scenario(name: "notes → insights, the recording after its deadline", arrivals: [.notes: 20, .insights: 60, .recording: 300]),
            Scenario(name: "recording → insights, notes after the countdown", arrivals: [.recording: 20, .insights: 60, .notes: 150]),
            Scenario(name: "nothing arrives", arrivals: [:]),
        ]

    static let leg = L.recordedLeg

    static func seconds(_ seconds: TimeInterval) -> Date { leg.endedAt.addingTimeInterval(seconds) }

    static func settings(_ mode: LoggingMode) -> LoggingSettings {
        LoggingSettings(
            mode: mode, record: L.newYorkFormat,
            timing: ArtifactTiming(countdown: 120, notesHold: 600, recordingSlack: 120, expectInsights: true, insightsWait: 600)
        )
    }

    static func content(_ scenario: Scenario, at time: TimeInterval) -> CallLogContent {
        let here = { (arrival: Arrival) in scenario.arrivals[arrival].map { $0 <= time } ?? false }
        return CallLogContent(
            notes: here(.notes) ? AgentNotes(text: "Asked about renewal.", isFinal: true, updatedAt: seconds(scenario.arrivals[.notes]!)) : nil,
            recording: here(.recording) ? L.recording : nil,
            insights: here(.insights) ? L.insights : nil
        )
    }

    static func composed(_ scenario: Scenario, at time: TimeInterval) -> [Artifact: String] {
        L.compose(leg: leg, content: content(scenario, at: time), journey: []).artifactFingerprints
    }

    struct Outcome {
        var creates = 0
        var updates = 0
        /// Seconds after hang-up.
        var createdAt: TimeInterval?
        var written: [Artifact: String] = [:]
        var runs = 0
    }

    static func run(_ scenario: Scenario, mode: LoggingMode) -> Outcome {
        let settings = settings(mode)
        var outcome = Outcome()
        var wakeUps = Set(scenario.arrivals.values)
        var now: TimeInterval = 0
        while outcome.runs < 50 {
            outcome.runs += 1
            let content = content(scenario, at: now)
            let shown = L.compose(leg: leg, content: content, journey: []).artifactFingerprints
            let checklist = ArtifactChecklist.evaluate(
                leg: leg, content: content, settings: settings, shown: shown, written: outcome.written, now: seconds(now)
            )
            switch CallLogPlanner.nextStep(isCreated: outcome.createdAt != nil, checklist: checklist, mode: mode, byPerson: false) {
            case .create:
                outcome.creates += 1
                outcome.createdAt = now
                outcome.written = shown
                continue
            case .update:
                outcome.updates += 1
                outcome.written = shown
                continue
            case .wait(_, let until):
                wakeUps.insert(until.timeIntervalSince(leg.endedAt))
            case .done:
                break
            }
            guard let next = wakeUps.filter({ $0 > now }).min() else { return outcome }
            now = next
        }
        Issue.record("the writer did not settle after \(outcome.runs) runs")
        return outcome
    }

    @Test("the table covers all six orders of three artifacts")
    func sixOrders() {
        let orders = Self.scenarios.prefix(6).map { $0.arrivals.sorted { $0.value < $1.value }.map(\.key) }
        #expect(Set(orders.map { $0.map(\.rawValue) }).count == 6)
    }

    @Test("all at once: one create once everything arrived or is past its deadline, never an update", arguments: scenarios)
    func allAtOnce(scenario: Scenario) throws {
        let outcome = Self.run(scenario, mode: .allAtOnce)
        #expect(outcome.creates == 1)
        #expect(outcome.updates == 0)
        let createdAt = try #require(outcome.createdAt)
        #expect(createdAt == scenario.settledAt)
        // Everything that arrived before its deadline is in the one write, and nothing else.
        let inTime = Set(scenario.arrivals.filter { $0.value < $0.key.deadline }.keys.flatMap(\.artifacts))
        #expect(Set(outcome.written.keys) == Set<Artifact>([.basics]).union(scenario.arrived(by: createdAt)))
        #expect(inTime.isSubset(of: Set(outcome.written.keys)))
        #expect(outcome.written == Self.composed(scenario, at: createdAt))
    }

    @Test("incremental: one create once the notes are in or the countdown is over, then one update per later arrival", arguments: scenarios)
    func incremental(scenario: Scenario) throws {
        let outcome = Self.run(scenario, mode: .incremental)
        #expect(outcome.creates == 1)
        let createdAt = try #require(outcome.createdAt)
        #expect(createdAt == min(scenario.arrivals[.notes] ?? .infinity, Arrival.notes.deadline))
        #expect(outcome.updates == scenario.arrivals.values.filter { $0 > createdAt }.count)
        // In the end the record shows everything that arrived.
        #expect(outcome.written == Self.composed(scenario, at: .infinity))
        #expect(Set(outcome.written.keys) == Set<Artifact>([.basics]).union(scenario.arrived(by: .infinity)))
    }
}
