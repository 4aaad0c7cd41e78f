import Foundation
import NIOCore
import NIOHTTP1
import ScribeCore

/// The one place where HubSpot's failures become ``ConnectorError``s.
enum HubSpotErrorMapper {
    /// The error for a non-2xx `response`.
    static func error(for response: ConnectorHTTPResponse, operation: String) -> ConnectorError {
        let body = try? JSONDecoder().decode(HubSpotErrorBody.self, from: Data(response.body.readableBytesView))
        let message = body?.message ?? "HTTP \(response.status): \(response.bodyText.prefix(200))"
        let kind: ConnectorError.Kind =
            switch response.status {
            case 401: .authExpired
            case 403: .permissionDenied
            case 404: .notFound
            case 429: .rateLimited(retryAfter: HubSpotErrorMapper.retryAfter(headers: response.headers, policyName: body?.policyName))
            case 400 where body?.category == "VALIDATION_ERROR": .validationFailed(field: body.flatMap(HubSpotErrorMapper.field(in:)))
            case 500...599: .transient
            default: .permanent
            }
        return ConnectorError(kind, operation: operation, status: response.status, message: message)
    }

    /// Seconds to wait: the `Retry-After` header when HubSpot sends one, else the window of the limit hit.
    static func retryAfter(headers: HTTPHeaders, policyName: String?) -> TimeInterval? {
        if let header = headers.first(name: "Retry-After"), let seconds = TimeInterval(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return seconds
        }
        switch policyName {
        case "SECONDLY": return 1
        case "TEN_SECONDLY_ROLLING": return 10
        case "DAILY": return 3600
        default: return nil
        }
    }

    /// The property a validation error is about, wherever HubSpot put it: an error's `context`, or the
    /// JSON list embedded in `Property values were not valid: [...]`, or the message's wording.
    static func field(in body: HubSpotErrorBody) -> String? {
        let contexts = [body.context] + (body.errors ?? []).map(\.context)
        for context in contexts.compactMap({ $0 }) {
            for key in ["propertyName", "properties", "name"] {
                if let name = context[key]?.first { return name }
            }
        }
        guard let message = body.message else { return nil }
        if let start = message.firstIndex(of: "["),
            let details = try? JSONDecoder().decode([PropertyValidation].self, from: Data(message[start...].utf8)),
            let name = details.lazy.compactMap(\.name).first
        {
            return name
        }
        return HubSpotErrorMapper.quotedProperty(in: message)
    }

    /// `x` in `Property "x" does not exist` or `Property 'x' …`.
    private static func quotedProperty(in message: String) -> String? {
        guard let range = message.range(of: "Property ") else { return nil }
        let rest = message[range.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        return name.isEmpty ? nil : String(name)
    }

    /// One entry of the list HubSpot embeds in a property validation message.
    private struct PropertyValidation: Decodable {
        var name: String?
    }
}

extension HubSpotErrorMapper {
    /// The error for one refused input of a batch (an entry of a 207's `errors[]`), judged by its
    /// category since the batch's own status is a success: a bad value names its property.
    static func error(forBatchInput body: HubSpotErrorBody, operation: String) -> ConnectorError {
        let message = body.message ?? "input refused (\(body.category ?? "no category"))"
        let kind: ConnectorError.Kind =
            switch body.category {
            case "VALIDATION_ERROR", "INVALID_PARAMS": .validationFailed(field: HubSpotErrorMapper.field(in: body))
            case "OBJECT_NOT_FOUND": .notFound
            case "RATE_LIMITS": .rateLimited(retryAfter: nil)
            case "MISSING_SCOPES": .permissionDenied
            default: .permanent
            }
        return ConnectorError(kind, operation: operation, message: message)
    }
}
