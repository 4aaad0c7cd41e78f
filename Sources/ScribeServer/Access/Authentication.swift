import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ScribeApp
import ScribeCore

/// Finds who is asking: an `Authorization: Bearer` API token, or the session cookie. A change made
/// with the cookie must also carry the session's CSRF token (the `X-CSRF-Token` header, or a `csrf`
/// field in a form), so a page on another site cannot act for a signed-in person.
struct Authentication: RouterMiddleware {
    typealias Context = AppRequestContext

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let csrfField = "csrf"
    /// Forms are small; this bounds what is read to find the CSRF field.
    static let maximumFormSize = 256 * 1024

    let callscribe: Callscribe

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.lowercased().hasPrefix("bearer ") else {
                throw APIError(.unauthorized, code: "invalid_authorization", message: "Authorization must be 'Bearer <API token>'.", field: "Authorization")
            }
            context.caller = try await self.callscribe.caller(apiToken: String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        } else if let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty {
            do {
                context.caller = try await self.callscribe.caller(sessionToken: token)
            } catch AccessError.sessionExpired {
                context.sessionExpired = true
            }
            if let session = context.caller?.session, Self.changes(request.method) {
                try await Self.checkCSRF(&request, session: session)
            }
        }
        return try await next(request, context)
    }

    static func changes(_ method: HTTPRequest.Method) -> Bool {
        ![.get, .head, .options].contains(method)
    }

    private static func checkCSRF(_ request: inout Request, session: Session) async throws {
        if let header = request.headers[self.csrfHeader] {
            guard ConstantTime.equals(header, session.csrfToken) else { throw AccessError.csrfMismatch }
            return
        }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw AccessError.csrfMismatch
        }
        // collectBody keeps the body for the handler that reads the form afterwards.
        let body = try await request.collectBody(upTo: self.maximumFormSize)
        let form = FormFields(String(buffer: body))
        guard let field = form[self.csrfField], ConstantTime.equals(field, session.csrfToken) else { throw AccessError.csrfMismatch }
    }
}
