import Foundation
import NIOCore
import NIOHTTP1
import ScribeCore

/// The one place where Salesforce's failures become ``ConnectorError``s.
enum SalesforceErrorMapper {
    /// 400 error codes that mean a value was refused, even when the body names no field.
    static let validationCodes: Set<String> = [
        "INVALID_FIELD", "MALFORMED_ID", "REQUIRED_FIELD_MISSING", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "INVALID_TYPE",
        "STRING_TOO_LONG", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "FIELD_INTEGRITY_EXCEPTION", "INVALID_CROSS_REFERENCE_KEY",
        "INVALID_FIELD_FOR_INSERT_UPDATE", "JSON_PARSER_ERROR", "INVALID_TYPE_ON_FIELD_IN_RECORD",
    ]

    /// The error for a non-2xx `response`.
    static func error(for response: ConnectorHTTPResponse, operation: String) -> ConnectorError {
        SalesforceErrorMapper.error(status: response.status, headers: response.headers, body: SalesforceErrorBody(Data(response.body.readableBytesView)), rawBody: response.bodyText, operation: operation)
    }

    static func error(status: Int, headers: HTTPHeaders, body: SalesforceErrorBody?, rawBody: String, operation: String) -> ConnectorError {
        let message = body?.summary ?? "HTTP \(status): \(rawBody.prefix(200))"
        let code = body?.errorCode
        let kind: ConnectorError.Kind =
            switch status {
            case 401: .authExpired
            // Salesforce answers its API limits with 403, not 429.
            case 403 where code == "REQUEST_LIMIT_EXCEEDED": .rateLimited(retryAfter: SalesforceErrorMapper.retryAfter(headers: headers, body: body))
            case 403: .permissionDenied
            case 404: .notFound
            case 429: .rateLimited(retryAfter: SalesforceErrorMapper.retryAfter(headers: headers, body: body))
            case 400:
                if let field = body.flatMap(SalesforceErrorMapper.field(in:)) {
                    .validationFailed(field: field)
                } else if let code, SalesforceErrorMapper.validationCodes.contains(code) {
                    .validationFailed(field: nil)
                } else {
                    .permanent
                }
            case 500...599: .transient
            default: .permanent
            }
        return ConnectorError(kind, operation: operation, status: status, message: message)
    }

    /// The `Retry-After` header when sent; else an hour for the rolling 24-hour org limit
    /// ("TotalRequests Limit exceeded."), and nothing for the concurrency limits.
    static func retryAfter(headers: HTTPHeaders, body: SalesforceErrorBody?) -> TimeInterval? {
        if let header = headers.first(name: "Retry-After"), let seconds = TimeInterval(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return seconds
        }
        let daily = body?.items.contains { $0.message?.contains("TotalRequests") == true } ?? false
        return daily ? 3600 : nil
    }

    /// The field an error is about: the first entry of any error's `fields`, else the name in
    /// `No such column 'X'` or `Required fields are missing: [X, …]`.
    static func field(in body: SalesforceErrorBody) -> String? {
        if let field = body.items.lazy.flatMap(\.fields).first(where: { !$0.isEmpty }) { return field }
        for message in body.items.compactMap(\.message) {
            if let range = message.range(of: "No such column '") {
                let name = message[range.upperBound...].prefix { $0 != "'" }
                if !name.isEmpty { return String(name) }
            }
            if let range = message.range(of: "Required fields are missing: [") {
                let name = message[range.upperBound...].prefix { $0 != "," && $0 != "]" }.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { return name }
            }
        }
        return nil
    }
}
