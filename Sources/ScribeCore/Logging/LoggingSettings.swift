import Foundation

/// When the CRM record is written.
public enum LoggingMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Create the record within seconds of hang-up, then update it as each artifact arrives.
    case incremental
    /// One create once every expected artifact is ready or past its deadline; never an update
    /// (for compliance policies and CRMs that forbid edits).
    case allAtOnce = "all_at_once"
}

/// When an incremental log's record is first created.
public enum RecordCreation: String, Sendable, Hashable, Codable, CaseIterable {
    /// When the call ends (after the countdown, when one is set).
    case ended
    /// As soon as the call is answered, so the record is in the CRM while people talk; the duration,
    /// result, notes and recording follow when the call ends. All-at-once mode ignores it.
    case connected
}

/// Everything that decides what gets logged, when and how, for one user (under admin mandates).
public struct LoggingSettings: Sendable, Hashable, Codable {
    public var mode: LoggingMode
    /// When an incremental record is created.
    public var createWhen: RecordCreation
    public var policy: LoggingPolicy
    public var record: RecordFormat
    public var timing: ArtifactTiming
    /// Whether the web app opens the log form when a call ends.
    public var popUpAfterCall: Bool
    /// The CRM user this person's new records are assigned to (the admin's user mapping); nil leaves
    /// it to the CRM (the API user).
    public var crmOwner: String?

    public init(
        mode: LoggingMode = .incremental, createWhen: RecordCreation = .ended, policy: LoggingPolicy = LoggingPolicy(),
        record: RecordFormat = RecordFormat(), timing: ArtifactTiming = ArtifactTiming(), popUpAfterCall: Bool = false
    ) {
        self.mode = mode
        self.createWhen = createWhen
        self.policy = policy
        self.record = record
        self.timing = timing
        self.popUpAfterCall = popUpAfterCall
    }
}

/// How long each artifact is waited for.
public struct ArtifactTiming: Sendable, Hashable, Codable {
    /// After hang-up, how long to wait for the agent to start notes before logging ("auto log with
    /// countdown"); nil logs at once.
    public var countdown: TimeInterval?
    /// Once the agent has started notes after hang-up, how long after their last keystroke to wait for them to save.
    public var notesHold: TimeInterval
    /// Notes typed only while the call lasted are logged this long after hang-up (a last sentence may
    /// still land), without waiting for a save.
    public static let liveNotesSettle: TimeInterval = 10
    /// A recording is ready about as long after the call as the call lasted; this is the slack on top.
    public var recordingSlack: TimeInterval
    /// Whether the account has AI insights (RingSense), so recorded calls get a summary and transcript.
    public var expectInsights: Bool
    /// How long after the recording's deadline to wait for the AI summary and transcript.
    public var insightsWait: TimeInterval

    public init(
        countdown: TimeInterval? = nil, notesHold: TimeInterval = 600, recordingSlack: TimeInterval = 120, expectInsights: Bool = false,
        insightsWait: TimeInterval = 600
    ) {
        self.countdown = countdown
        self.notesHold = notesHold
        self.recordingSlack = recordingSlack
        self.expectInsights = expectInsights
        self.insightsWait = insightsWait
    }

    /// When a recording of `leg` should be ready by.
    public func recordingDeadline(_ leg: CallLeg) -> Date {
        leg.endedAt.addingTimeInterval(leg.duration + self.recordingSlack)
    }

    /// When the AI summary and transcript of `leg` should be ready by.
    public func insightsDeadline(_ leg: CallLeg) -> Date {
        self.recordingDeadline(leg).addingTimeInterval(self.insightsWait)
    }
}
