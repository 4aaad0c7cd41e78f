import Foundation

/// Moments written and read as text in UTC with a `DateFormatter` pattern (`yyyy-MM-dd HH:mm:ss`),
/// as CRMs without time zones in their fields take them.
enum UTCText {
    static func format(_ date: Date, pattern: String) -> String {
        self.formatter(pattern).string(from: date)
    }

    static func date(_ text: String, pattern: String) -> Date? {
        self.formatter(pattern).date(from: text)
    }

    /// A fresh formatter each time: `DateFormatter` is not safe to share between threads.
    private static func formatter(_ pattern: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter
    }
}
