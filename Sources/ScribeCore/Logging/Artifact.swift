import Foundation

/// The parts of a call log that can arrive and be written separately.
public enum Artifact: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// Times, duration, participants, result.
    case basics
    case notes
    case disposition
    case recording
    case aiSummary = "ai_summary"
    case transcript
    /// How the call was routed and transferred.
    case callJourney = "call_journey"
}

/// Where one artifact of a log stands.
public enum ArtifactState: Sendable, Hashable, Codable {
    /// Nothing known yet, or not collected by this release.
    case absent
    /// Expected; logged without it if it has not come by the deadline.
    case pending(deadline: Date?)
    /// Arrived, not yet written to the CRM.
    case ready
    /// In the CRM record.
    case written
    /// Will never exist for this call.
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

    /// A finished call: its basics are ready, everything else is not known yet.
    public static let afterHangUp = ArtifactChecklist(states: Dictionary(uniqueKeysWithValues: Artifact.allCases.map { ($0, $0 == .basics ? .ready : .absent) }))

    public init(states: [Artifact: ArtifactState]) {
        self.states = states
    }

    public subscript(artifact: Artifact) -> ArtifactState {
        get { self.states[artifact] ?? .absent }
        set { self.states[artifact] = newValue }
    }

    /// Marks every ready artifact written: what a successful CRM write does.
    public mutating func markReadyWritten() {
        for (artifact, state) in self.states where state == .ready {
            self.states[artifact] = .written
        }
    }
}
