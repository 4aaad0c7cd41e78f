import Foundation

/// Moments written as text in a `DateFormatter` pattern and time zone (UTC unless another is given),
/// and read back the same way: a record's dates in a person's format, and the zone-less times CRMs
/// keep (`yyyy-MM-dd HH:mm:ss`).
public struct DatePattern: Sendable, Hashable {
    public let pattern: String
    public let timeZone: TimeZone

    public init(_ pattern: String, timeZone: TimeZone = .gmt) {
        self.pattern = pattern
        self.timeZone = timeZone
    }

    /// `date` in this pattern; the same instant always renders the same way.
    public func string(_ date: Date) -> String {
        self.formatter.string(from: date)
    }

    /// The moment `text` names in this pattern, or nil when it does not fit it.
    public func date(_ text: String) -> Date? {
        self.formatter.date(from: text)
    }

    /// A fresh formatter each time: `DateFormatter` is not safe to share between threads.
    private var formatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = self.timeZone
        formatter.dateFormat = self.pattern
        return formatter
    }
}
