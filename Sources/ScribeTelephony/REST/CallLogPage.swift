/// One page of the call log.
public struct CallLogPage: Sendable, Hashable {
    /// The page's records, newest first.
    public var records: [CallLogRecord]
    /// Whether RingCentral has another page after this one.
    public var hasNextPage: Bool

    public init(records: [CallLogRecord], hasNextPage: Bool) {
        self.records = records
        self.hasNextPage = hasNextPage
    }
}
