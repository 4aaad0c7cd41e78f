import Foundation

/// The parts of a call log that can arrive and be written separately.
public enum Artifact: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    /// Times, duration, participants, result.
    case basics
    case notes
    case disposition
    case recording
    case aiSummary = "ai_summary"
    case transcript
    /// How the call was routed and transferred.
    case callJourney = "call_journey"

    public static func < (lhs: Artifact, rhs: Artifact) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where one artifact of a log stands.
public enum ArtifactState: Sendable, Hashable, Codable {
    /// Not here, and not waited for (it may still come: notes typed later are logged then).
    case absent
    /// Expected by the deadline; waited for until then.
    case pending(deadline: Date)
    /// Here, and not yet in the CRM record as it is now.
    case ready
    /// In the CRM record as it is now.
    case written
    /// Will never exist for this call, or the settings leave it out.
    case notApplicable

    public var name: String {
        switch self {
        case .absent: "absent"
        case .pending: "pending"
        case .ready: "ready"
        case .written: "written"
        case .notApplicable: "not_applicable"
        }
    }
}

/// The per-artifact checklist of one log.
public struct ArtifactChecklist: Sendable, Hashable, Codable {
    public private(set) var states: [Artifact: ArtifactState]

    public init(states: [Artifact: ArtifactState]) {
        self.states = states
    }

    public subscript(artifact: Artifact) -> ArtifactState {
        get { self.states[artifact] ?? .absent }
        set { self.states[artifact] = newValue }
    }

    /// Artifacts here but not yet in the CRM record.
    public var ready: Set<Artifact> { Set(self.states.filter { $0.value == .ready }.keys) }

    /// The pending artifacts among `artifacts` and the earliest deadline among them.
    public func pending(among artifacts: Set<Artifact> = Set(Artifact.allCases)) -> (artifacts: [Artifact], until: Date)? {
        let pending = self.states.compactMap { artifact, state -> (Artifact, Date)? in
            guard artifacts.contains(artifact), case .pending(let deadline) = state else { return nil }
            return (artifact, deadline)
        }
        guard let until = pending.map(\.1).min() else { return nil }
        return (pending.map(\.0).sorted(), until)
    }

    /// Where each artifact of `leg` stands at `now`.
    ///
    /// - Parameters:
    ///   - shown: a fingerprint of what the record would show of each artifact now (see
    ///     ``ComposedRecord/artifactFingerprints``); an artifact with none is not here.
    ///   - written: the fingerprints of what the CRM record shows, from our last write.
    public static func evaluate(
        leg: CallLeg, content: CallLogContent, settings: LoggingSettings, shown: [Artifact: String], written: [Artifact: String], now: Date
    ) -> ArtifactChecklist {
        let timing = settings.timing
        let fields = settings.record
        var states: [Artifact: ArtifactState] = [:]
        for artifact in Artifact.allCases {
            if let fingerprint = shown[artifact] {
                states[artifact] = written[artifact] == fingerprint ? .written : .ready
                continue
            }
            states[artifact] = written[artifact] != nil ? .ready : .absent
        }
        // What is not here yet: waited for, absent, or never coming.
        func expect(_ artifact: Artifact, field: LoggedField, deadline: Date?) {
            guard shown[artifact] == nil, written[artifact] == nil else { return }
            if !fields.logs(field) { states[artifact] = .notApplicable; return }
            guard let deadline else { states[artifact] = .notApplicable; return }
            states[artifact] = deadline > now ? .pending(deadline: deadline) : .absent
        }
        if let notes = content.notes, !notes.isFinal {
            // Notes typed while the call lasted, untouched since, are the call's notes once it has been
            // over a moment. Notes typed after hang-up are a wrap-up being written: hold until the
            // agent saves or goes quiet for `notesHold`.
            let deadline = notes.updatedAt <= leg.endedAt
                ? leg.endedAt.addingTimeInterval(min(timing.notesHold, ArtifactTiming.liveNotesSettle))
                : notes.updatedAt.addingTimeInterval(timing.notesHold)
            if deadline > now { states[.notes] = .pending(deadline: deadline) }
        } else if content.notes == nil {
            expect(.notes, field: .notes, deadline: timing.countdown.map { leg.endedAt.addingTimeInterval($0) })
            if states[.notes] == .notApplicable, fields.logs(.notes) { states[.notes] = .absent }
        }
        let recorded = !leg.recordingIDs.isEmpty
        expect(.recording, field: .recordingLink, deadline: recorded ? timing.recordingDeadline(leg) : nil)
        let insights = recorded && timing.expectInsights ? timing.insightsDeadline(leg) : nil
        expect(.aiSummary, field: .aiSummary, deadline: insights)
        expect(.transcript, field: .transcript, deadline: insights)
        if shown[.callJourney] == nil, written[.callJourney] == nil { states[.callJourney] = .notApplicable }
        if shown[.disposition] == nil, written[.disposition] == nil { states[.disposition] = fields.logs(.disposition) ? .absent : .notApplicable }
        return ArtifactChecklist(states: states)
    }
}
