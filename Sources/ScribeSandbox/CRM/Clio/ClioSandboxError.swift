import Foundation
import ScribeCore

/// An error answer shaped as Clio Manage API v4 shapes it: `{"error":{"type":"…","message":"…"}}`
/// (the envelope is in Clio's OpenAPI document [V]; the `type` names and texts are [U]), except a
/// rejected access token, which Clio's OAuth server (Doorkeeper) answers flat:
/// `{"error":"invalid_token","error_description":"The access token provided is expired, revoked,
/// malformed or invalid for other reasons."}` (Clio's support article 360004657734 [V]).
struct ClioSandboxError: Error, Equatable {
    var httpStatus: Int
    var type: String
    var message: String
    /// The `Retry-After` seconds on a 429.
    var retryAfter: Int?
    /// Sent as `WWW-Authenticate` on a 401: Clio's OAuth server is Doorkeeper, which names the token problem there.
    var authenticate: String?

    var body: JSONValue {
        if self.httpStatus == 401 {
            return .object(["error": .string(self.type), "error_description": .string(self.message)])
        }
        return .object(["error": .object(["type": .string(self.type), "message": .string(self.message)])])
    }

    /// Doorkeeper's one description for every rejected token: missing, never issued, expired or revoked.
    static let invalidTokenDescription = "The access token provided is expired, revoked, malformed or invalid for other reasons."

    /// Any rejected token: none, one Clio never issued, or one whose lifetime is over (which the
    /// client should refresh; Clio does not tell it apart).
    static var invalidToken: ClioSandboxError {
        ClioSandboxError(
            httpStatus: 401, type: "invalid_token", message: Self.invalidTokenDescription,
            authenticate: #"Bearer realm="Doorkeeper", error="invalid_token", error_description="\#(Self.invalidTokenDescription)""#
        )
    }

    /// A record that does not exist (or was deleted).
    static func notFound(_ model: String) -> ClioSandboxError {
        ClioSandboxError(httpStatus: 404, type: "NotFound", message: "\(model) could not be found")
    }

    /// A write Clio refuses, naming the field (`422 Unprocessable Entity`).
    static func validation(_ field: String, _ problem: String) -> ClioSandboxError {
        ClioSandboxError(httpStatus: 422, type: "ValidationError", message: "Validation failed: \(field) \(problem)")
    }

    /// A malformed request (bad JSON, bad query parameter).
    static func badRequest(_ message: String) -> ClioSandboxError {
        ClioSandboxError(httpStatus: 400, type: "BadRequest", message: message)
    }

    /// Over the per-token limit; `Retry-After` says when to come back (docs.developers.clio.com/api-docs/rate-limits [V]).
    static func rateLimited(retryAfter: Int) -> ClioSandboxError {
        ClioSandboxError(httpStatus: 429, type: "RateLimited", message: "You have exceeded your rate limit, please try again in \(retryAfter) seconds", retryAfter: retryAfter)
    }

    static func serverError(_ status: Int) -> ClioSandboxError {
        status == 503
            ? ClioSandboxError(httpStatus: 503, type: "ServiceUnavailable", message: "Clio is temporarily unavailable")
            : ClioSandboxError(httpStatus: status, type: "InternalServerError", message: "An unexpected error occurred")
    }

    static func forbidden() -> ClioSandboxError {
        ClioSandboxError(httpStatus: 403, type: "Forbidden", message: "You do not have permission to perform this action")
    }

    /// The error Clio would send for a planned failure: `field` names the field of a 422.
    static func injected(status: Int, retryAfter: Int?, field: String?) -> ClioSandboxError {
        switch status {
        case 401: .invalidToken
        case 403: .forbidden()
        case 404: .notFound("Record")
        case 422: .validation(field ?? "subject", "is invalid")
        case 429: .rateLimited(retryAfter: retryAfter ?? 60)
        case 500...599: .serverError(status)
        default: ClioSandboxError(httpStatus: status, type: "Error", message: "injected failure")
        }
    }
}
