import ScribeCore
import Foundation

/// An error answer of Odoo 19's JSON-2 API (`odoo/documentation` external_api.rst, "Response"): a
/// 4xx/5xx status with `{name, message, arguments, context, debug}`, where `name` is the Python
/// exception's qualified name. Statuses follow `odoo/exceptions.py`: `UserError` and
/// `ValidationError` 422, `AccessError` 403, `MissingError` 404; werkzeug's HTTP exceptions keep
/// their code; any other exception (a `ValueError` for an unknown field) is a 500. Checked against
/// `addons/web/controllers/json2.py` [V]; Odoo versions after 19.0 may answer a bare message string instead.
struct OdooSandboxError: Error {
    var httpStatus: Int
    var name: String
    var message: String
    /// The exception's arguments; werkzeug exceptions carry `[description, code]`.
    var arguments: [JSONValue]
    var retryAfter: Int?

    init(httpStatus: Int, name: String, message: String, arguments: [JSONValue]? = nil) {
        self.httpStatus = httpStatus
        self.name = name
        self.message = message
        self.arguments = arguments ?? [.string(message)]
    }

    func body(context: [String: JSONValue]) -> JSONValue {
        // A short stand-in for the server traceback Odoo sends in `debug`.
        let debug = "Traceback (most recent call last):\n  File \"/opt/odoo/odoo/http.py\", line 2212, in _transactioning\n\(self.name): \(self.message)\n"
        return .object([
            "name": .string(self.name), "message": .string(self.message), "arguments": .array(self.arguments),
            "context": .object(context), "debug": .string(debug),
        ])
    }

    /// A werkzeug HTTP exception: `arguments` is `[description, code]`.
    static func http(_ status: Int, _ exception: String, _ description: String) -> OdooSandboxError {
        OdooSandboxError(httpStatus: status, name: "werkzeug.exceptions.\(exception)", message: description, arguments: [.string(description), .int(status)])
    }

    /// A missing, wrong or expired API key (Odoo checks the key's expiration date with the key itself).
    static var invalidAPIKey: OdooSandboxError { .http(401, "Unauthorized", "Invalid apikey") }

    static func unknownModel(_ model: String) -> OdooSandboxError { .http(404, "NotFound", "the model '\(model)' does not exist") }

    static func unknownMethod(_ model: String, _ method: String) -> OdooSandboxError {
        .http(404, "NotFound", "The method '\(model).\(method)' does not exist")
    }

    /// A keyword the method does not take, refused before the call (`inspect.signature(...).bind`).
    static func unexpectedArgument(_ name: String) -> OdooSandboxError {
        .http(422, "UnprocessableEntity", "got an unexpected keyword argument '\(name)'")
    }

    static func missingArgument(_ name: String) -> OdooSandboxError {
        .http(422, "UnprocessableEntity", "missing a required argument: '\(name)'")
    }

    static func badRequest(_ description: String) -> OdooSandboxError { .http(400, "BadRequest", description) }

    /// The ORM's answer to a field the model does not have.
    static func invalidField(_ field: String, model: String) -> OdooSandboxError {
        OdooSandboxError(httpStatus: 500, name: "builtins.ValueError", message: "Invalid field '\(field)' in '\(model)'")
    }

    /// A bad value: a wrong selection value, a malformed domain.
    static func valueError(_ message: String) -> OdooSandboxError {
        OdooSandboxError(httpStatus: 500, name: "builtins.ValueError", message: message)
    }

    static func userError(_ message: String) -> OdooSandboxError {
        OdooSandboxError(httpStatus: 422, name: "odoo.exceptions.UserError", message: message)
    }

    static func validationError(_ message: String) -> OdooSandboxError {
        OdooSandboxError(httpStatus: 422, name: "odoo.exceptions.ValidationError", message: message)
    }

    /// Reading or writing a record that is gone.
    static func missing(model: String, ids: [Int]) -> OdooSandboxError {
        let list = ids.map(String.init).joined(separator: ", ") + (ids.count == 1 ? "," : "")
        return OdooSandboxError(
            httpStatus: 404, name: "odoo.exceptions.MissingError",
            message: "Record does not exist or has been deleted.\n(Record: \(model)(\(list)), User: 2)"
        )
    }

    /// werkzeug's TooManyRequests, as a front proxy or a rate-limited Odoo Online sends it [U].
    static func tooManyRequests(retryAfter: Int?) -> OdooSandboxError {
        var error = OdooSandboxError.http(429, "TooManyRequests", "This user or client has sent too many requests in a given amount of time.")
        error.retryAfter = retryAfter
        return error
    }

    static func serviceUnavailable() -> OdooSandboxError {
        .http(503, "ServiceUnavailable", "The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.")
    }

    static func internalServerError() -> OdooSandboxError {
        .http(500, "InternalServerError", "The server encountered an internal error and was unable to complete your request.")
    }
}
