import Foundation
import ScribeCore

/// Reads and writes the times templates handle: ISO 8601 text or Unix seconds in, any pattern out, in UTC.
enum TemplateDates {
    static func date(_ value: JSONValue) throws(TemplateError) -> Date {
        switch value {
        case .number(let seconds):
            return Date(timeIntervalSince1970: seconds > 100_000_000_000 ? seconds / 1000 : seconds)
        case .string(let text):
            if let date = try? Date(text, strategy: .iso8601) { return date }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
            if let seconds = Double(text) { return try TemplateDates.date(.number(seconds)) }
            // Odoo and Insightly write UTC times without a zone: "2026-11-21 09:05:07".
            if let date = TemplateDates.plainUTC.date(from: text) { return date }
            throw TemplateError("'\(text.prefix(40))' is not an ISO 8601 time")
        default:
            throw TemplateError("expected a time, got '\(value.text.prefix(40))'")
        }
    }

    private static var plainUTC: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }

    static func format(_ date: Date, pattern: String) -> String {
        UTCText.format(date, pattern: pattern)
    }
}
