import HTTPTypes
import Hummingbird
import Logging
import ScribeApp
import ScribeCore
import ScribeTelephony

/// The one place where failures from the layers below become HTTP answers.
struct ErrorMappingMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as WebhookPayloadError {
            throw APIError(.badRequest, code: "invalid_event", message: error.problem, field: error.field)
        } catch let error as AccessError {
            throw Self.map(error)
        } catch let error as SettingsError {
            switch error {
            case .locked: throw APIError(.forbidden, code: "setting_locked", message: error.description, field: error.field)
            case .invalid, .unknown: throw APIError(.badRequest, code: "invalid_field", message: error.description, field: error.field)
            }
        } catch let error as PeopleError {
            switch error {
            case .logNotFound, .notFound: throw APIError(.notFound, code: "not_found", message: error.description)
            case .invalidField(let field, let problem): throw APIError(.badRequest, code: "invalid_field", message: problem, field: field)
            case .conflict(let message): throw APIError(.conflict, code: "conflict", message: message)
            }
        } catch let error as RecordingError {
            switch error {
            case .notFound: throw APIError(.notFound, code: "not_found", message: error.description)
            case .busy(let retryAfter):
                throw APIError(.serviceUnavailable, code: "phone_system_busy", message: error.description, headers: [.retryAfter: String(retryAfter)])
            case .unavailable: throw APIError(.badGateway, code: "phone_system_error", message: error.description)
            case .rangeNotSatisfiable(let length):
                throw APIError(
                    .rangeNotSatisfiable, code: "range_not_satisfiable", message: error.description, field: "Range",
                    headers: length.map { [.contentRange: ByteRange.unsatisfiedContentRange(completeLength: $0)] } ?? [:]
                )
            }
        } catch let error as ConnectorError {
            throw APIError(.badGateway, code: "crm_error", message: "The CRM did not answer as expected: \(error.description)")
        } catch let error as HTTPError {
            throw APIError(error.status, code: "http_error", message: error.body ?? "\(error.status.reasonPhrase)")
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            throw APIError(.internalServerError, code: "internal_error", message: "The server failed to handle this request; see its log.")
        }
    }

    static func map(_ error: AccessError) -> APIError {
        switch error {
        case .signInFailed: APIError(.unauthorized, code: "sign_in_failed", message: error.description)
        case .notSignedIn: APIError(.unauthorized, code: "not_signed_in", message: error.description)
        case .sessionExpired: APIError(.unauthorized, code: "session_expired", message: error.description)
        case .invalidAPIToken: APIError(.unauthorized, code: "invalid_api_token", message: error.description, field: "Authorization")
        case .csrfMismatch: APIError(.forbidden, code: "csrf_mismatch", message: error.description, field: "X-CSRF-Token")
        case .adminOnly: APIError(.forbidden, code: "admin_only", message: error.description)
        case .notYourCall: APIError(.forbidden, code: "not_your_call", message: error.description)
        case .tooManyAttempts: APIError(.tooManyRequests, code: "too_many_attempts", message: error.description)
        }
    }
}
