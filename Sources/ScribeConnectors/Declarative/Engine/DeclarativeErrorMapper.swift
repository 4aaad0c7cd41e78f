import Foundation
import ScribeCore

/// Turns a CRM answer into a ``ConnectorError`` with the file's error rules, then the defaults (see
/// ``ErrorRule``). Returns nil for a success no rule calls an error.
struct DeclarativeErrorMapper: Sendable {
    let rules: [ErrorRule]

    func error(for response: DeclarativeResponse, inputs: JSONValue, operation: String, now: Date) -> ConnectorError? {
        let context = response.errorContext(inputs: inputs)
        for rule in self.rules {
            do {
                guard try rule.matches(status: response.status, context: context, bodyText: response.text) else { continue }
            } catch {
                continue
            }
            return self.error(rule.kind, rule: rule, response: response, context: context, operation: operation, now: now)
        }
        let status = response.status
        guard !(200..<300).contains(status) else { return nil }
        let kind: ErrorRule.Kind =
            switch status {
            case 401: .authExpired
            case 403: .permissionDenied
            case 404, 410: .notFound
            case 400, 409, 422: .validationFailed
            case 429: .rateLimited
            case 408, 500...599: .transient
            default: .permanent
            }
        return self.error(kind, rule: nil, response: response, context: context, operation: operation, now: now)
    }

    private func error(_ kind: ErrorRule.Kind, rule: ErrorRule?, response: DeclarativeResponse, context: JSONValue, operation: String, now: Date) -> ConnectorError {
        let message = rule?.message.flatMap { try? $0.render(in: context) }.flatMap { $0.isEmpty ? nil : $0 } ?? String(response.text.prefix(300))
        let mapped: ConnectorError.Kind =
            switch kind {
            case .authExpired: .authExpired
            case .permissionDenied: .permissionDenied
            case .notFound: .notFound
            case .validationFailed:
                .validationFailed(field: rule?.field.flatMap { try? $0.render(in: context) }.flatMap { $0.isEmpty ? nil : $0 })
            case .rateLimited:
                .rateLimited(retryAfter: DeclarativeErrorMapper.seconds(rule?.retryAfter.flatMap { try? $0.render(in: context) }
                    ?? response.headers["retry-after"].text, now: now))
            case .transient: .transient
            case .permanent: .permanent
            }
        return ConnectorError(mapped, operation: operation, status: response.status, message: message.isEmpty ? "HTTP \(response.status)" : message)
    }

    /// A wait in seconds from a `Retry-After`-like value: seconds, a Unix time, or an HTTP date.
    static func seconds(_ text: String, now: Date) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Double(trimmed) {
            // Large values are Unix times (seconds or milliseconds), not waits.
            if value > 1_000_000_000_000 { return max(0, value / 1000 - now.timeIntervalSince1970) }
            if value > 1_000_000_000 { return max(0, value - now.timeIntervalSince1970) }
            return max(0, value)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: trimmed).map { max(0, $0.timeIntervalSince(now)) }
    }
}
