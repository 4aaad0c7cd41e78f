import Foundation

/// An error answer as Salesforce shapes it: a status and a JSON array of `{message, errorCode, fields?}`.
struct SalesforceSandboxError: Error {
    struct Item: Encodable, Hashable {
        var message: String
        var errorCode: String
        var fields: [String]?
    }

    var status: Int
    var items: [Item]

    init(status: Int, items: [Item]) {
        self.status = status
        self.items = items
    }

    init(status: Int, errorCode: String, message: String, fields: [String]? = nil) {
        self.init(status: status, items: [Item(message: message, errorCode: errorCode, fields: fields)])
    }

    static var invalidSession: SalesforceSandboxError {
        SalesforceSandboxError(status: 401, errorCode: "INVALID_SESSION_ID", message: "Session expired or invalid")
    }

    static var notFound: SalesforceSandboxError {
        SalesforceSandboxError(status: 404, errorCode: "NOT_FOUND", message: "The requested resource does not exist")
    }

    static func malformedQuery(_ message: String) -> SalesforceSandboxError {
        SalesforceSandboxError(status: 400, errorCode: "MALFORMED_QUERY", message: message)
    }

    static func malformedSearch(_ message: String) -> SalesforceSandboxError {
        SalesforceSandboxError(status: 400, errorCode: "MALFORMED_SEARCH", message: message)
    }

    static func invalidType(_ name: String) -> SalesforceSandboxError {
        SalesforceSandboxError(status: 400, errorCode: "INVALID_TYPE", message: "sObject type '\(name)' is not supported.")
    }

    static func invalidField(_ name: String, entity: String) -> SalesforceSandboxError {
        SalesforceSandboxError(status: 400, errorCode: "INVALID_FIELD", message: "No such column '\(name)' on entity '\(entity)'.", fields: [name])
    }

    /// What Salesforce sends with `status` (and `errorCode`, when given), for failure injection.
    static func injected(status: Int, errorCode: String?) -> SalesforceSandboxError {
        let code = errorCode ?? SalesforceSandboxError.defaultCode(for: status)
        let message =
            switch code {
            case "INVALID_SESSION_ID": "Session expired or invalid"
            case "REQUEST_LIMIT_EXCEEDED": "TotalRequests Limit exceeded."
            case "INSUFFICIENT_ACCESS": "insufficient access rights on object id"
            case "API_DISABLED_FOR_ORG": "API is not enabled for this Organization or Partner"
            case "NOT_FOUND": "The requested resource does not exist"
            case "SERVER_UNAVAILABLE": "Server is unavailable"
            case "UNKNOWN_EXCEPTION": "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)"
            default: "injected failure"
            }
        return SalesforceSandboxError(status: status, errorCode: code, message: message)
    }

    static func defaultCode(for status: Int) -> String {
        switch status {
        case 401: "INVALID_SESSION_ID"
        case 403: "REQUEST_LIMIT_EXCEEDED"
        case 404: "NOT_FOUND"
        case 503: "SERVER_UNAVAILABLE"
        case 500...599: "UNKNOWN_EXCEPTION"
        default: "BAD_REQUEST"
        }
    }
}
