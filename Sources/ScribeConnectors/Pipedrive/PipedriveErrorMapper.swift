import Foundation
import NIOCore
import NIOHTTP1
import ScribeCore

/// Pipedrive's error body: `{success:false, error, error_info?, errorCode?, code?, data:null}`.
struct PipedriveErrorBody: Decodable, Sendable {
    var error: String?
    var errorInfo: String?
    var code: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.error = try? container.decodeIfPresent(String.self, forKey: .error)
        self.errorInfo = try? container.decodeIfPresent(String.self, forKey: .errorInfo)
        self.code = try? container.decodeIfPresent(String.self, forKey: .code)
    }

    private enum CodingKeys: String, CodingKey {
        case error, code
        case errorInfo = "error_info"
    }
}

/// The one place where Pipedrive's failures become ``ConnectorError``s.
enum PipedriveErrorMapper {
    /// The error for a non-2xx `response`.
    static func error(for response: ConnectorHTTPResponse, operation: String) -> ConnectorError {
        let body = try? JSONDecoder().decode(PipedriveErrorBody.self, from: Data(response.body.readableBytesView))
        let message = body?.error ?? "HTTP \(response.status): \(response.bodyText.prefix(200))"
        let kind: ConnectorError.Kind =
            switch response.status {
            case 401: .authExpired
            case 403: .permissionDenied
            case 404: .notFound
            case 400, 422: .validationFailed(field: PipedriveErrorMapper.field(in: message))
            case 429: .rateLimited(retryAfter: PipedriveErrorMapper.retryAfter(headers: response.headers))
            case 500...599: .transient
            default: .permanent
            }
        return ConnectorError(kind, operation: operation, status: response.status, message: message)
    }

    /// Seconds to wait: `Retry-After` when sent, else `x-ratelimit-reset` (seconds until the window resets;
    /// read as an epoch time when it is one).
    static func retryAfter(headers: HTTPHeaders, now: Date = Date()) -> TimeInterval? {
        if let seconds = PipedriveErrorMapper.seconds(headers.first(name: "Retry-After")) {
            return seconds
        }
        guard let reset = PipedriveErrorMapper.seconds(headers.first(name: "x-ratelimit-reset")) else { return nil }
        // A value this large is a moment, not a delay.
        if reset > 1_000_000_000 { return max(0, reset - now.timeIntervalSince1970).rounded(.up) }
        return reset
    }

    private static func seconds(_ header: String?) -> TimeInterval? {
        guard let header, let value = TimeInterval(header.trimmingCharacters(in: .whitespaces)), value >= 0, value.isFinite else { return nil }
        return value
    }

    /// The field a validation message is about: `Validation failed: due_time: …`, or the first quoted
    /// identifier, as in `'person_id' is a read-only field`.
    static func field(in message: String) -> String? {
        if let range = message.range(of: "Validation failed: ") {
            let name = message[range.upperBound...].prefix { $0 != ":" && $0 != " " && $0 != "," }
            if PipedriveErrorMapper.isIdentifier(name) { return String(name) }
        }
        var rest = Substring(message)
        while let quote = rest.firstIndex(where: { $0 == "'" || $0 == "\"" }) {
            let after = rest[rest.index(after: quote)...]
            guard let close = after.firstIndex(of: rest[quote]) else { break }
            let name = after[..<close]
            if PipedriveErrorMapper.isIdentifier(name) { return String(name) }
            rest = after[after.index(after: close)...]
        }
        return nil
    }

    /// `person_id`, `participants.0.person_id`: lowercase words, digits, `_` and `.`.
    private static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == "." }
    }
}
