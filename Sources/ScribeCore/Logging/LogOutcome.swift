/// Where a call log stands, in the four words people count by: the ``CallLogQuery/Filter`` names
/// less `all` and `unlogged`.
public enum LogOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// In the CRM.
    case logged
    /// Not decided or not written yet: observed, waiting or being created.
    case pending
    /// The write failed (perhaps to be retried).
    case failed
    /// Deliberately not logged.
    case skipped
}

extension CallLogState {
    /// The outcome this state counts as.
    public var outcome: LogOutcome {
        switch self {
        case .observed, .waiting, .creating: .pending
        case .logged: .logged
        case .failed: .failed
        case .skipped: .skipped
        }
    }
}
