import Foundation

/// The date formats HubSpot reads and writes: ISO 8601 in UTC with milliseconds, or epoch milliseconds.
enum HubSpotSandboxDate {
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// `2025-03-04T09:15:00.250Z`, `2025-03-04T09:15:00Z` or `1741079700250`.
    static func parse(_ text: String) -> Date? {
        if let milliseconds = Int64(text) { return Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
        return (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
