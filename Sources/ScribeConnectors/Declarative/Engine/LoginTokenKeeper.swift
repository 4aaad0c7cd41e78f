import Foundation
import ScribeCore

/// The token a login request bought, shared by every request of a connection: one login in flight at a
/// time, renewed ahead of its expiry and once when the CRM rejects it.
actor LoginTokenKeeper {
    typealias Login = @Sendable () async throws(ConnectorError) -> (token: String, expiresIn: TimeInterval?)

    private let login: Login
    private let now: @Sendable () -> Date
    private var token: String?
    private var expiresAt: Date?
    private var inFlight: Task<Result<(token: String, expiresIn: TimeInterval?), ConnectorError>, Never>?

    init(login: @escaping Login, now: @escaping @Sendable () -> Date) {
        self.login = login
        self.now = now
    }

    /// The current token, logging in first when there is none or it expires within a minute.
    func current() async throws(ConnectorError) -> String {
        if let token, self.expiresAt.map({ $0.timeIntervalSince(self.now()) > 60 }) ?? true { return token }
        return try await self.renew(rejecting: self.token)
    }

    /// A token other than `rejected`: the one a concurrent renewal brought, or a new login's.
    func renew(rejecting rejected: String?) async throws(ConnectorError) -> String {
        if let token, token != rejected { return token }
        if let inFlight { return try await inFlight.value.get().token }
        let login = self.login
        let task = Task { () -> Result<(token: String, expiresIn: TimeInterval?), ConnectorError> in
            do throws(ConnectorError) {
                return .success(try await login())
            } catch {
                return .failure(error)
            }
        }
        self.inFlight = task
        let result = await task.value
        self.inFlight = nil
        let answer = try result.get()
        self.token = answer.token
        self.expiresAt = answer.expiresIn.map { self.now().addingTimeInterval($0) }
        return answer.token
    }
}
