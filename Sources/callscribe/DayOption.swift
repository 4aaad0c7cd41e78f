import ArgumentParser
import ScribeCore

/// Reads the `YYYY-MM-DD` options of the reports and the backfill, naming the option at fault.
enum DayOption {
    static func parse(_ text: String?, option: String) throws -> UTCDay? {
        guard let text else { return nil }
        guard let day = UTCDay(text) else {
            throw ValidationError("\(option) '\(text)' is not a day: write it YYYY-MM-DD (a UTC date), e.g. 2026-03-31")
        }
        return day
    }

    /// Both ends, refusing an `until` before `since`.
    static func range(since: String?, until: String?) throws -> (since: UTCDay?, until: UTCDay?) {
        let first = try self.parse(since, option: "--since")
        let last = try self.parse(until, option: "--until")
        if let first, let last, last < first { throw ValidationError("--until \(last) is before --since \(first)") }
        return (first, last)
    }
}
