import ScribeCore
/// An error answer shaped as Insightly API v3.1 (an ASP.NET Web API service) shapes it:
/// `{"Message":"…"}`. The exact texts are [U] (Insightly publishes no error schema; AppConnect's tests
/// only mock a 401); each names the field or record at fault, which is what a client can act on.
struct InsightlySandboxError: Error, Equatable {
    var httpStatus: Int
    var message: String
    /// The `Retry-After` seconds on a 429.
    var retryAfter: Int?

    var body: JSONValue { .object(["Message": .string(self.message)]) }

    /// A wrong, missing or revoked API key (Insightly's keys do not expire; a regenerated key revokes the old one).
    static var unauthorized: InsightlySandboxError {
        InsightlySandboxError(httpStatus: 401, message: "Authorization has been denied for this request.")
    }

    static func notFound(_ what: String) -> InsightlySandboxError {
        InsightlySandboxError(httpStatus: 404, message: "\(what) not found")
    }

    /// A write or search Insightly refuses, naming the field.
    static func validation(_ field: String, _ problem: String) -> InsightlySandboxError {
        InsightlySandboxError(httpStatus: 400, message: "\(field) \(problem)")
    }

    static func badRequest(_ message: String) -> InsightlySandboxError {
        InsightlySandboxError(httpStatus: 400, message: message)
    }

    /// Over the per-second or the plan's daily limit.
    static func rateLimited(retryAfter: Int) -> InsightlySandboxError {
        InsightlySandboxError(httpStatus: 429, message: "API rate limit exceeded. Please retry after \(retryAfter) seconds.", retryAfter: retryAfter)
    }

    static func serverError(_ status: Int) -> InsightlySandboxError {
        InsightlySandboxError(httpStatus: status, message: status == 503 ? "The service is unavailable." : "An error has occurred.")
    }

    /// The error Insightly would send for a planned failure: `field` names the field of a 400.
    static func injected(status: Int, retryAfter: Int?, field: String?) -> InsightlySandboxError {
        switch status {
        case 401: .unauthorized
        case 403: InsightlySandboxError(httpStatus: 403, message: "You do not have permission to perform this action.")
        case 404: .notFound("Record")
        case 400: .validation(field ?? "TITLE", "is invalid")
        case 429: .rateLimited(retryAfter: retryAfter ?? 1)
        case 500...599: .serverError(status)
        default: InsightlySandboxError(httpStatus: status, message: "injected failure")
        }
    }
}
