import Foundation
import ScribeCore

/// Reads the times templates handle: ISO 8601 text or Unix seconds (written out with ``DatePattern``).
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
            if let date = DatePattern("yyyy-MM-dd HH:mm:ss").date(text) { return date }
            throw TemplateError("'\(text.prefix(40))' is not an ISO 8601 time")
        default:
            throw TemplateError("expected a time, got '\(value.text.prefix(40))'")
        }
    }
}
