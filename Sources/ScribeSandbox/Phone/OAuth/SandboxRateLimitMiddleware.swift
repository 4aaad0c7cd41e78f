import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Counts every RingCentral API request against its group's budget and answers as RingCentral does:
/// the `X-Rate-Limit-Group/Limit/Remaining/Window` headers on each answer, and 429 `CMN-301` with
/// `Retry-After` once a budget is overrun.
struct SandboxRateLimitMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    static let groupHeader = HTTPField.Name("X-Rate-Limit-Group")!
    static let limitHeader = HTTPField.Name("X-Rate-Limit-Limit")!
    static let remainingHeader = HTTPField.Name("X-Rate-Limit-Remaining")!
    static let windowHeader = HTTPField.Name("X-Rate-Limit-Window")!
    static let retryAfterHeader = HTTPField.Name("Retry-After")!

    let sandbox: PhoneSystemSandbox

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let group = SandboxRateLimits.group(method: request.method.rawValue, path: request.uri.path) else {
            return try await next(request, context)
        }
        let (verdict, budget) = self.sandbox.rateLimits.withLock { state in
            (state.admit(group, now: Date()), state.limits.budget(group))
        }
        var response: Response
        if let retryAfter = verdict.retryAfter {
            response = self.sandbox.json(PhoneSandboxPayloads.error(code: "CMN-301", message: "Request rate exceeded"), status: .tooManyRequests)
            response.headers[Self.retryAfterHeader] = String(retryAfter)
        } else {
            response = try await next(request, context)
        }
        response.headers[Self.groupHeader] = group.rawValue
        response.headers[Self.limitHeader] = String(budget.limit)
        response.headers[Self.remainingHeader] = String(verdict.remaining ?? 0)
        response.headers[Self.windowHeader] = String(budget.window)
        return response
    }
}

extension PhoneSystemSandbox {
    /// The per-group budgets the sandbox enforces; ``SandboxRateLimits/generous`` unless a test sets them.
    public var rateLimitBudgets: SandboxRateLimits {
        get { self.rateLimits.withLock { $0.limits } }
        set {
            self.rateLimits.withLock { state in
                state.limits = newValue
                state.windows = [:]
                state.penaltyUntil = [:]
            }
        }
    }

    /// Requests the budgets turned away with 429 so far (the `rateLimitNext` knob's are not counted).
    public var rateLimitRejections: Int { self.rateLimits.withLock { $0.rejected } }
}
