import Foundation

/// How a vendor writes times on the wire, always in UTC, written and read back the same way.
struct SandboxTimeFormat: Sendable {
    private let pattern: String

    /// `2024-01-01T10:00:00+00:00`: ISO 8601 to the second with a numeric offset (Zoho, Clio).
    static let isoWithOffset = SandboxTimeFormat(pattern: "yyyy-MM-dd'T'HH:mm:ssxxx")
    /// `2024-01-01 10:00:00`: date and time with a space and no offset (Odoo, Insightly).
    static let spaced = SandboxTimeFormat(pattern: "yyyy-MM-dd HH:mm:ss")

    func string(_ date: Date) -> String {
        self.formatter.string(from: date)
    }

    func date(_ text: String) -> Date? {
        self.formatter.date(from: text)
    }

    /// A fresh formatter each time: `DateFormatter` is not safe to share between threads.
    private var formatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = self.pattern
        return formatter
    }
}
