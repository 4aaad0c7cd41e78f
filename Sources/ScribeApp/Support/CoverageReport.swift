import Foundation
import ScribeCore

/// How completely calls reached the CRM, per UTC day of the call's start: how many logs are
/// logged, pending, failed and skipped, why the skipped and failed ones are, and the share of
/// loggable calls (all but the deliberately skipped) that are logged.
public struct CoverageReport: Codable, Sendable, Hashable {
    /// The counts of a day or of the whole range.
    public struct Counts: Codable, Sendable, Hashable {
        public var total: Int
        public var logged: Int
        public var pending: Int
        public var failed: Int
        public var skipped: Int
        /// All but the skipped: the logs meant to reach the CRM.
        public var loggable: Int
        /// `logged` as a percentage of `loggable`, to a tenth; nil (absent in JSON) when nothing is loggable.
        public var loggedPercent: Double?
        /// Skipped logs by skip reason, e.g. `{"unknown_contact": 3}`.
        public var skipReasons: [String: Int]
        /// Failed logs by failure code, e.g. `{"hubspot.createCall HTTP 429": 2}`.
        public var failureCodes: [String: Int]

        public init(_ counts: LogOutcomeCounts) {
            self.total = counts.total
            self.logged = counts.logged
            self.pending = counts.pending
            self.failed = counts.failed
            self.skipped = counts.skipped
            self.loggable = counts.loggable
            self.loggedPercent = counts.loggedPercent.map { ($0 * 10).rounded() / 10 }
            self.skipReasons = counts.skipReasons
            self.failureCodes = counts.failureCodes
        }
    }

    /// One day's row: its date beside its counts (one flat JSON object).
    public struct Day: Codable, Sendable, Hashable {
        public var date: UTCDay
        public var counts: Counts

        private enum Keys: String, CodingKey { case date }

        public init(date: UTCDay, counts: Counts) {
            self.date = date
            self.counts = counts
        }

        public init(from decoder: any Decoder) throws {
            self.date = try decoder.container(keyedBy: Keys.self).decode(UTCDay.self, forKey: .date)
            self.counts = try Counts(from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(self.date, forKey: .date)
            try self.counts.encode(to: encoder)
        }
    }

    /// The first and last day asked for; nil for an open end.
    public var since: UTCDay?
    public var until: UTCDay?
    public var totals: Counts
    /// Every day from the first to the last (the range's ends when given), days without calls included:
    /// a day with none stands out when webhooks stopped arriving.
    public var days: [Day]

    /// Longer spans list only the days that have calls.
    static let maximumFilledDays = 3660

    /// The report on the ledger's logs of calls that started on the UTC days `since` through `until`.
    public static func build(store: any LedgerStore, since: UTCDay?, until: UTCDay?) async throws -> CoverageReport {
        let rows = try await store.logCoverage(startedFrom: since?.start, before: until?.next.start)
        var totals = LogOutcomeCounts()
        for row in rows { totals.add(row.counts) }
        let counted = Dictionary(uniqueKeysWithValues: rows.map { ($0.day, $0.counts) })
        var days = rows.map(\.day)
        if let first = since ?? rows.first?.day, let last = until ?? rows.last?.day, first <= last {
            var filled: [UTCDay] = []
            var day = first
            while day <= last, filled.count <= Self.maximumFilledDays {
                filled.append(day)
                day = day.next
            }
            if filled.count <= Self.maximumFilledDays { days = filled }
        }
        return CoverageReport(
            since: since, until: until, totals: Counts(totals),
            days: days.map { Day(date: $0, counts: Counts(counted[$0] ?? LogOutcomeCounts())) }
        )
    }
}

extension Callscribe {
    /// How completely the calls that started on the UTC days `since` through `until` (either end open when nil) reached the CRM.
    public func coverage(since: UTCDay?, until: UTCDay?) async throws -> CoverageReport {
        try await CoverageReport.build(store: self.store, since: since, until: until)
    }
}
