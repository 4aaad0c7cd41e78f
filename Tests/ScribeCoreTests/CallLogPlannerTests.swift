import Foundation
import ScribeCore
import Testing

@Suite("CallLogPlanner")
struct CallLogPlannerTests {
    typealias F = CallFixtures

    /// A call transferred from ext-101 to ext-102: both extensions took part and both have hung up.
    static let transferredCall = F.fold([
        F.event("e-1", sequence: 1, at: 0, F.party(.answered, id: "p-1", extension: "ext-101")),
        F.event("e-2", sequence: 2, at: 30, F.party(.disconnected, id: "p-1", extension: "ext-101"), F.party(.answered, id: "p-2", extension: "ext-102")),
        F.event("e-3", sequence: 3, at: 90, F.party(.disconnected, id: "p-2", extension: "ext-102")),
    ])

    static func counter() -> () -> String {
        var next = 0
        return {
            next += 1
            return "log-\(next)"
        }
    }

    func key(_ extensionID: ExtensionID, _ connectionID: ConnectionID) -> CallLogKey {
        CallLogKey(accountID: "acc-1", extensionID: extensionID, sessionID: "s-1", connectionID: connectionID)
    }

    @Test("plans one new log per ended extension leg per connection")
    func oneLogPerLegPerConnection() {
        let now = F.t0.addingTimeInterval(100)
        let logs = CallLogPlanner.newLogs(for: Self.transferredCall, connections: ["hubspot", "pipedrive"], existing: [], now: now, makeID: Self.counter())
        #expect(logs.map(\.key) == [key("ext-101", "hubspot"), key("ext-101", "pipedrive"), key("ext-102", "hubspot"), key("ext-102", "pipedrive")])
        #expect(logs.map(\.id) == ["log-1", "log-2", "log-3", "log-4"])
        #expect(logs.allSatisfy { $0.state == .observed && $0.attempts == 0 && $0.createdAt == now && $0.updatedAt == now })
        #expect(logs.map(\.leg.extensionID) == ["ext-101", "ext-101", "ext-102", "ext-102"])
        #expect(logs.map(\.leg.duration) == [30, 30, 60, 60])
    }

    @Test("skips keys the ledger already holds")
    func skipsExisting() {
        let existing: Set = [key("ext-101", "hubspot"), key("ext-102", "pipedrive")]
        let logs = CallLogPlanner.newLogs(for: Self.transferredCall, connections: ["hubspot", "pipedrive"], existing: existing, now: F.t0, makeID: Self.counter())
        #expect(logs.map(\.key) == [key("ext-101", "pipedrive"), key("ext-102", "hubspot")])
        #expect(logs.map(\.id) == ["log-1", "log-2"])
    }

    @Test("plans nothing without connections, or for a call that is only ringing")
    func nothingToPlan() {
        #expect(CallLogPlanner.newLogs(for: Self.transferredCall, connections: [], existing: [], now: F.t0, makeID: Self.counter()).isEmpty)
        let ringing = F.fold(Array(F.answeredCall.prefix(1)))
        #expect(CallLogPlanner.newLogs(for: ringing, connections: ["hubspot"], existing: [], now: F.t0, makeID: Self.counter()).isEmpty)
    }

    @Test("plans a log as soon as the call is answered, its leg in progress")
    func plansAnAnsweredCall() throws {
        let talking = F.fold(Array(F.answeredCall.prefix(3)))
        let logs = CallLogPlanner.newLogs(for: talking, connections: ["hubspot"], existing: [], now: F.t0, makeID: Self.counter())
        let log = try #require(logs.first)
        #expect(logs.count == 1)
        #expect(log.leg.inProgress)
        #expect(log.leg.duration == 0)
        #expect(log.state == .observed)
    }

    // MARK: nextStep

    static let soon = F.t0.addingTimeInterval(100)
    static let later = F.t0.addingTimeInterval(200)
    static let latest = F.t0.addingTimeInterval(900)

    static func checklist(_ states: [Artifact: ArtifactState]) -> ArtifactChecklist {
        ArtifactChecklist(states: [.basics: .ready].merging(states) { $1 })
    }

    static func step(_ states: [Artifact: ArtifactState], created: Bool, _ mode: LoggingMode, byPerson: Bool = false) -> LogStep {
        CallLogPlanner.nextStep(isCreated: created, checklist: checklist(states), mode: mode, byPerson: byPerson)
    }

    @Test("before the create, incremental mode waits for notes still pending")
    func incrementalWaitsForNotes() {
        #expect(Self.step([.notes: .pending(deadline: Self.soon)], created: false, .incremental) == .wait(for: [.notes], until: Self.soon))
        // Only the notes are waited for, until their own deadline, even when something else is due earlier.
        let states: [Artifact: ArtifactState] = [.notes: .pending(deadline: Self.later), .recording: .pending(deadline: Self.soon)]
        #expect(Self.step(states, created: false, .incremental) == .wait(for: [.notes], until: Self.later))
    }

    @Test("before the create, incremental mode does not wait for a pending recording or insights")
    func incrementalCreatesWithoutRecording() {
        let states: [Artifact: ArtifactState] = [
            .notes: .absent, .recording: .pending(deadline: Self.later), .aiSummary: .pending(deadline: Self.latest), .transcript: .pending(deadline: Self.latest),
        ]
        #expect(Self.step(states, created: false, .incremental) == .create)
        #expect(Self.step([.notes: .ready, .recording: .pending(deadline: Self.later)], created: false, .incremental) == .create)
    }

    @Test("before the create, all-at-once mode waits for every pending artifact until the earliest deadline")
    func allAtOnceWaits() {
        let states: [Artifact: ArtifactState] = [
            .notes: .ready, .recording: .pending(deadline: Self.later), .aiSummary: .pending(deadline: Self.latest), .transcript: .pending(deadline: Self.latest),
        ]
        #expect(Self.step(states, created: false, .allAtOnce) == .wait(for: [.recording, .aiSummary, .transcript], until: Self.later))
        #expect(Self.step([.notes: .pending(deadline: Self.soon)], created: false, .allAtOnce) == .wait(for: [.notes], until: Self.soon))
    }

    @Test("before the create, all-at-once mode creates once nothing is pending")
    func allAtOnceCreates() {
        let states: [Artifact: ArtifactState] = [
            .notes: .ready, .disposition: .absent, .recording: .absent, .aiSummary: .notApplicable, .transcript: .notApplicable, .callJourney: .ready,
        ]
        #expect(Self.step(states, created: false, .allAtOnce) == .create)
    }

    @Test("a person's request creates at once, whatever is pending", arguments: LoggingMode.allCases)
    func personCreatesAtOnce(mode: LoggingMode) {
        let states: [Artifact: ArtifactState] = [.notes: .pending(deadline: Self.soon), .recording: .pending(deadline: Self.later)]
        #expect(Self.step(states, created: false, mode, byPerson: true) == .create)
    }

    @Test("once created, incremental mode updates when something is ready")
    func incrementalUpdates() {
        let states: [Artifact: ArtifactState] = [.basics: .written, .notes: .written, .recording: .ready, .aiSummary: .pending(deadline: Self.latest)]
        #expect(Self.step(states, created: true, .incremental) == .update)
    }

    @Test("once created, incremental mode is done when nothing is ready, even with artifacts still pending")
    func incrementalDone() {
        let states: [Artifact: ArtifactState] = [
            .basics: .written, .notes: .pending(deadline: Self.soon), .disposition: .absent, .recording: .pending(deadline: Self.later),
            .callJourney: .notApplicable,
        ]
        #expect(Self.step(states, created: true, .incremental) == .done)
    }

    @Test("once created, all-at-once mode is done, never updating, even with artifacts ready")
    func allAtOnceNeverUpdates() {
        #expect(Self.step([.basics: .written, .recording: .ready, .notes: .ready], created: true, .allAtOnce) == .done)
        #expect(Self.step([.basics: .ready], created: true, .allAtOnce) == .done)
        #expect(Self.step([.basics: .written], created: true, .allAtOnce) == .done)
    }

    @Test("once created, a person's request updates what is ready in either mode, and is done otherwise", arguments: LoggingMode.allCases)
    func personUpdates(mode: LoggingMode) {
        #expect(Self.step([.basics: .written, .recording: .ready], created: true, mode, byPerson: true) == .update)
        #expect(Self.step([.basics: .written, .recording: .pending(deadline: Self.later)], created: true, mode, byPerson: true) == .done)
    }

    @Test("once created, a person's request that sets custom fields is an update even with nothing else ready", arguments: LoggingMode.allCases)
    func personSetsFields(mode: LoggingMode) {
        let nothingReady = Self.checklist([.basics: .written])
        #expect(CallLogPlanner.nextStep(isCreated: true, checklist: nothingReady, mode: mode, byPerson: true, setsFields: true) == .update)
        #expect(CallLogPlanner.nextStep(isCreated: true, checklist: nothingReady, mode: .incremental, byPerson: false, setsFields: true) == .done)
    }

    // MARK: Calls in progress

    @Test("a call in progress is created at once when records are created on connect, and then left until it ends")
    func inProgressCreatesOnce() {
        let pending: [Artifact: ArtifactState] = [.notes: .pending(deadline: Self.soon), .recording: .pending(deadline: Self.later)]
        #expect(CallLogPlanner.nextStep(isCreated: false, checklist: Self.checklist(pending), mode: .incremental, inProgress: true, byPerson: false) == .create)
        #expect(CallLogPlanner.nextStep(isCreated: true, checklist: Self.checklist([.notes: .ready]), mode: .incremental, inProgress: true, byPerson: false) == .done)
        #expect(CallLogPlanner.nextStep(isCreated: true, checklist: Self.checklist([.notes: .ready]), mode: .incremental, inProgress: true, byPerson: true) == .update)
    }

    @Test("at hang-up, the end of a record created on connect waits for the notes typed during the call, to be one update")
    func endWaitsForLiveNotes() {
        let states: [Artifact: ArtifactState] = [.basics: .ready, .notes: .pending(deadline: Self.soon), .recording: .pending(deadline: Self.later)]
        #expect(Self.step(states, created: true, .incremental) == .wait(for: [.notes], until: Self.soon))
        #expect(Self.step([.basics: .ready, .notes: .absent], created: true, .incremental) == .update)
        #expect(Self.step(states, created: true, .incremental, byPerson: true) == .update, "a person's request does not wait")
    }

    static let talkingLeg = F.fold(Array(F.answeredCall.prefix(3))).legs[0]

    @Test(
        "a call in progress waits for its end unless incremental settings create on connect and no rule needs its length",
        arguments: [
            (LoggingSettings(), true),
            (LoggingSettings(createWhen: .connected), false),
            (LoggingSettings(mode: .allAtOnce, createWhen: .connected), true),
            (LoggingSettings(createWhen: .connected, policy: LoggingPolicy(minimumDuration: 10)), true),
        ]
    )
    func waitsForCallEnd(settings: LoggingSettings, waits: Bool) {
        #expect(CallLogPlanner.waitsForCallEnd(Self.talkingLeg, settings: settings, byPerson: false) == waits)
        #expect(!CallLogPlanner.waitsForCallEnd(Self.talkingLeg, settings: settings, byPerson: true), "a person's request is carried out now")
        #expect(!CallLogPlanner.waitsForCallEnd(F.fold(F.answeredCall).endedLegs[0], settings: settings, byPerson: false), "an ended call never waits for its end")
    }
}
