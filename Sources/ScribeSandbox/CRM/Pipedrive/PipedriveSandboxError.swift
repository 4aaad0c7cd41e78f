import Foundation

/// An error answer shaped as Pipedrive shapes it:
/// `{"success":false,"error":"…","errorCode":401,"error_info":"Please check developers.pipedrive.com","data":null,"additional_data":null}`,
/// plus `code` (`ERR_BAD_REQUEST`…) on v2 validation failures.
struct PipedriveSandboxError: Error, Encodable {
    var httpStatus: Int
    var error: String
    var code: String?
    var retryAfter: Int?

    private enum CodingKeys: String, CodingKey {
        case success, error, errorCode, code
        case errorInfo = "error_info"
        case data
        case additionalData = "additional_data"
    }

    init(httpStatus: Int, error: String, code: String? = nil) {
        self.httpStatus = httpStatus
        self.error = error
        self.code = code
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(false, forKey: .success)
        try container.encode(self.error, forKey: .error)
        try container.encode(self.httpStatus, forKey: .errorCode)
        try container.encodeIfPresent(self.code, forKey: .code)
        try container.encode("Please check developers.pipedrive.com", forKey: .errorInfo)
        try container.encodeNil(forKey: .data)
        try container.encodeNil(forKey: .additionalData)
    }

    /// The same answer for a wrong token, no token or an unknown route (observed live).
    static var unauthorized: PipedriveSandboxError {
        PipedriveSandboxError(httpStatus: 401, error: "unauthorized access")
    }

    static func notFound(_ what: String) -> PipedriveSandboxError {
        PipedriveSandboxError(httpStatus: 404, error: "\(what) not found", code: "ERR_NOT_FOUND")
    }

    /// A request Pipedrive refuses, naming the field as its schema validation does.
    static func validation(_ field: String, _ problem: String) -> PipedriveSandboxError {
        PipedriveSandboxError(httpStatus: 400, error: "Validation failed: \(field): \(problem)", code: "ERR_SCHEMA_VALIDATION_FAILED")
    }

    /// A write that clashes with what is stored, such as a second call log of one activity.
    static func conflict(_ message: String) -> PipedriveSandboxError {
        PipedriveSandboxError(httpStatus: 409, error: message)
    }

    static func badRequest(_ message: String) -> PipedriveSandboxError {
        PipedriveSandboxError(httpStatus: 400, error: message, code: "ERR_BAD_REQUEST")
    }

    static func rateLimited(retryAfter: Int?) -> PipedriveSandboxError {
        var error = PipedriveSandboxError(httpStatus: 429, error: "Request over limit")
        error.retryAfter = retryAfter
        return error
    }

    static func serverError(_ status: Int) -> PipedriveSandboxError {
        PipedriveSandboxError(httpStatus: status, error: status == 503 ? "Service unavailable" : "Internal server error")
    }

    /// The error Pipedrive would send with `status`, for failure injection.
    static func injected(status: Int, retryAfter: Int?) -> PipedriveSandboxError {
        switch status {
        case 401: .unauthorized
        case 403: PipedriveSandboxError(httpStatus: 403, error: "You do not have permissions to perform this action", code: "ERR_FORBIDDEN")
        case 404: .notFound("Item")
        case 429: .rateLimited(retryAfter: retryAfter)
        case 500...599: .serverError(status)
        default: PipedriveSandboxError(httpStatus: status, error: "injected failure")
        }
    }
}
