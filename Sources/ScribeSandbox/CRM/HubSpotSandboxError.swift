import Foundation

/// An error answer exactly as HubSpot shapes it: a status and the body
/// `{status:"error", message, correlationId, category, …}`.
struct HubSpotSandboxError: Error, Encodable {
    /// One entry of the list HubSpot embeds in `Property values were not valid: [...]`.
    struct PropertyProblem: Encodable {
        var isValid = false
        var message: String
        var error: String
        var name: String
        var localizedErrorMessage: String

        init(name: String, error: String, message: String) {
            self.name = name
            self.error = error
            self.message = message
            self.localizedErrorMessage = message
        }

        /// A `PROPERTY_DOESNT_EXIST` problem for each name in `names` outside `known`, sorted.
        static func unknown(_ names: some Sequence<String>, known: Set<String>) -> [PropertyProblem] {
            names.filter { !known.contains($0) }.sorted().map {
                PropertyProblem(name: $0, error: "PROPERTY_DOESNT_EXIST", message: "Property \"\($0)\" does not exist")
            }
        }
    }

    var httpStatus: Int
    var retryAfter: Int?

    var status = "error"
    var message: String
    var correlationId = UUID().uuidString.lowercased()
    var category: String?
    var subCategory: String?
    var context: [String: [String]]?
    var errorType: String?
    var policyName: String?
    var requestId: String?

    private enum CodingKeys: String, CodingKey {
        case status, message, correlationId, category, subCategory, context, errorType, policyName, requestId
    }

    init(httpStatus: Int, message: String, category: String?, context: [String: [String]]? = nil) {
        self.httpStatus = httpStatus
        self.message = message
        self.category = category
        self.context = context
    }

    static var unauthenticated: HubSpotSandboxError {
        HubSpotSandboxError(
            httpStatus: 401,
            message: "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
            category: "INVALID_AUTHENTICATION"
        )
    }

    /// An issued OAuth access token past its expiry (category `EXPIRED_AUTHENTICATION`).
    static func expiredAuthentication(secondsAgo: Int, expiredAt: Date) -> HubSpotSandboxError {
        HubSpotSandboxError(
            httpStatus: 401,
            message: "The OAuth token used to make this call expired \(secondsAgo) second(s) ago.",
            category: "EXPIRED_AUTHENTICATION",
            context: ["expire time": [ISO8601DateFormatter().string(from: expiredAt)]]
        )
    }

    static var notFound: HubSpotSandboxError {
        HubSpotSandboxError(httpStatus: 404, message: "resource not found", category: "OBJECT_NOT_FOUND")
    }

    static func invalidInput(_ message: String) -> HubSpotSandboxError {
        HubSpotSandboxError(httpStatus: 400, message: message, category: "VALIDATION_ERROR")
    }

    /// HubSpot's answer to bad property values: the problems as JSON inside the message.
    static func invalidProperties(_ problems: [PropertyProblem]) -> HubSpotSandboxError {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let list = (try? encoder.encode(problems)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return HubSpotSandboxError(httpStatus: 400, message: "Property values were not valid: \(list)", category: "VALIDATION_ERROR")
    }

    /// A 429 naming the policy hit, with `Retry-After` when `retryAfter` is set.
    static func rateLimited(policyName: String = "TEN_SECONDLY_ROLLING", retryAfter: Int?) -> HubSpotSandboxError {
        var error = HubSpotSandboxError(httpStatus: 429, message: "You have reached your \(policyName.lowercased()) limit.", category: nil)
        error.errorType = "RATE_LIMIT"
        error.policyName = policyName
        error.requestId = UUID().uuidString.lowercased()
        error.retryAfter = retryAfter
        return error
    }

    /// A failure on HubSpot's side.
    static func serverError(_ status: Int) -> HubSpotSandboxError {
        status == 503
            ? HubSpotSandboxError(httpStatus: 503, message: "Service Unavailable", category: "SERVICE_UNAVAILABLE")
            : HubSpotSandboxError(httpStatus: status, message: "internal error", category: nil)
    }

    /// The error HubSpot would send with `status`, for failure injection.
    static func injected(status: Int, retryAfter: Int?) -> HubSpotSandboxError {
        switch status {
        case 401: .unauthenticated
        case 403: HubSpotSandboxError(httpStatus: 403, message: "This app hasn't been granted all required scopes to make this call.", category: "MISSING_SCOPES")
        case 404: .notFound
        case 429: .rateLimited(retryAfter: retryAfter)
        case 500...599: .serverError(status)
        default: HubSpotSandboxError(httpStatus: status, message: "injected failure", category: status == 400 ? "VALIDATION_ERROR" : nil)
        }
    }
}
