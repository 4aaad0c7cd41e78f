import ScribeCore
import Foundation

/// An error answer shaped as Zoho CRM shapes it (B4 of the API facts):
/// `{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}`.
///
/// Record-level failures of a write (`INVALID_DATA`, `MANDATORY_NOT_FOUND`) come back inside the
/// `{"data":[…]}` envelope instead; see ``ZohoRecordOutcome``.
struct ZohoSandboxError: Error {
    var httpStatus: Int
    var code: String
    var message: String
    var details: [String: JSONValue] = [:]
    var retryAfter: Int?

    var body: JSONValue {
        .object(["code": .string(self.code), "details": .object(self.details), "message": .string(self.message), "status": .string("error")])
    }

    /// A missing, wrong or expired access token: Zoho says the same for all three. [U exact text]
    static var invalidToken: ZohoSandboxError {
        ZohoSandboxError(httpStatus: 401, code: "INVALID_TOKEN", message: "invalid oauth token")
    }

    /// A path Zoho has no API at, or a module it does not know.
    static var invalidURL: ZohoSandboxError {
        ZohoSandboxError(httpStatus: 404, code: "INVALID_URL_PATTERN", message: "Please check if the URL trying to access is a correct one")
    }

    static func invalidModule(_ module: String) -> ZohoSandboxError {
        ZohoSandboxError(httpStatus: 400, code: "INVALID_MODULE", message: "the module name given seems to be invalid", details: ["resource_path_index": .int(0)])
    }

    /// A query parameter Zoho refuses, named in `details.param_name`.
    static func invalidQuery(_ param: String, _ message: String) -> ZohoSandboxError {
        ZohoSandboxError(httpStatus: 400, code: "INVALID_QUERY", message: message, details: ["param_name": .string(param)])
    }

    static func requiredParamMissing(_ params: [String]) -> ZohoSandboxError {
        ZohoSandboxError(
            httpStatus: 400, code: "REQUIRED_PARAM_MISSING", message: "One of the expected parameter is missing",
            details: ["param": .array(params.map { .string($0) })]
        )
    }

    /// The body is not `{"data":[…]}` with 1 to 100 objects.
    static func invalidBody(_ message: String) -> ZohoSandboxError {
        ZohoSandboxError(httpStatus: 400, code: "INVALID_DATA", message: message, details: [:])
    }

    /// Zoho's concurrency / credit refusal. [U exact text]
    static func tooManyRequests(retryAfter: Int?) -> ZohoSandboxError {
        ZohoSandboxError(httpStatus: 429, code: "TOO_MANY_REQUESTS", message: "too many requests", retryAfter: retryAfter)
    }

    static func serverError(_ status: Int) -> ZohoSandboxError {
        status == 503
            ? ZohoSandboxError(httpStatus: 503, code: "SERVICE_UNAVAILABLE", message: "The service is temporarily unavailable")
            : ZohoSandboxError(httpStatus: status, code: "INTERNAL_ERROR", message: "Internal Server Error")
    }

    /// A record-level validation failure sent as the whole answer (the single-record write case).
    static func invalidData(field: String, index: Int = 0) -> ZohoSandboxError {
        let outcome = ZohoRecordOutcome.invalidData(field: field, index: index)
        return ZohoSandboxError(httpStatus: 400, code: outcome.code, message: outcome.message, details: outcome.details)
    }
}

/// One record's line in a write answer's `data` array:
/// `{"code":"SUCCESS","details":{"id":…,…},"message":"record added","status":"success"}` or an error line.
struct ZohoRecordOutcome: Sendable {
    var code: String
    var message: String
    var details: [String: JSONValue]
    var isSuccess: Bool

    var json: JSONValue {
        .object(["code": .string(self.code), "details": .object(self.details), "message": .string(self.message), "status": .string(self.isSuccess ? "success" : "error")])
    }

    /// A value Zoho refuses for `field` (wrong type, unknown picklist value, a lookup id that does not exist).
    static func invalidData(field: String, index: Int, message: String = "invalid data") -> ZohoRecordOutcome {
        ZohoRecordOutcome(
            code: "INVALID_DATA", message: message,
            details: ["api_name": .string(field), "json_path": .string("$.data[\(index)].\(field)")], isSuccess: false
        )
    }

    /// A mandatory field the record lacks.
    static func mandatoryNotFound(field: String, index: Int) -> ZohoRecordOutcome {
        ZohoRecordOutcome(
            code: "MANDATORY_NOT_FOUND", message: "required field not found",
            details: ["api_name": .string(field), "json_path": .string("$.data[\(index)].\(field)")], isSuccess: false
        )
    }
}
