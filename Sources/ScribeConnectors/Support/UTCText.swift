import Foundation

/// A moment written as text in UTC with a `DateFormatter` pattern (`yyyy-MM-dd HH:mm:ss`), as CRMs
/// without time zones in their fields take it.
enum UTCText {
    static func format(_ date: Date, pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
