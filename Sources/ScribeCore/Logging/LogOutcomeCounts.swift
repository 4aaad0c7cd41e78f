/// How many call logs are in each outcome, and why the skipped and failed ones are: the skip
/// reason's name and the failure's ``FailureCode``.
public struct LogOutcomeCounts: Sendable, Hashable, Codable {
    public var logged = 0
    public var pending = 0
    public var failed = 0
    public var skipped = 0
    /// Skipped logs by ``SkipReason`` raw value, e.g. `too_short`.
    public var skipReasons: [String: Int] = [:]
    /// Failed logs by ``FailureCode``.
    public var failureCodes: [String: Int] = [:]

    public init() {}

    /// Counts `count` logs in `state`.
    public mutating func add(_ state: CallLogState, count: Int = 1) {
        switch state.outcome {
        case .logged: self.logged += count
        case .pending: self.pending += count
        case .failed: self.failed += count
        case .skipped: self.skipped += count
        }
        switch state {
        case .skipped(let reason): self.skipReasons[reason.rawValue, default: 0] += count
        case .failed(let reason, _): self.failureCodes[FailureCode.of(reason), default: 0] += count
        default: break
        }
    }

    /// Adds another tally to this one.
    public mutating func add(_ other: LogOutcomeCounts) {
        self.logged += other.logged
        self.pending += other.pending
        self.failed += other.failed
        self.skipped += other.skipped
        self.skipReasons.merge(other.skipReasons, uniquingKeysWith: +)
        self.failureCodes.merge(other.failureCodes, uniquingKeysWith: +)
    }

    /// The count of one outcome.
    public subscript(outcome: LogOutcome) -> Int {
        switch outcome {
        case .logged: self.logged
        case .pending: self.pending
        case .failed: self.failed
        case .skipped: self.skipped
        }
    }

    public var total: Int { self.logged + self.pending + self.failed + self.skipped }

    /// The logs that are meant to reach the CRM: all but the deliberately skipped.
    public var loggable: Int { self.total - self.skipped }

    /// The share of loggable logs that are logged, in percent; nil when none is loggable.
    public var loggedPercent: Double? {
        self.loggable == 0 ? nil : Double(self.logged) * 100 / Double(self.loggable)
    }
}

/// The call logs of one UTC day (the day the call started), as the coverage report counts them.
public struct DailyLogCoverage: Sendable, Hashable {
    public var day: UTCDay
    public var counts: LogOutcomeCounts

    public init(day: UTCDay, counts: LogOutcomeCounts) {
        self.day = day
        self.counts = counts
    }
}
