import Foundation
import Hummingbird
import ScribeApp
import ScribeCore
import ScribeTelephony

/// `GET /ringcentral/connect` sends a signed-in admin to RingCentral's sign-in page (authorization-code
/// grant); `GET /ringcentral/callback` is where RingCentral sends them back with `code` and `state`.
/// Browser routes: failures are pages.
struct RingCentralConnectPages {
    let callscribe: Callscribe

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/ringcentral/connect") { _, context in
            let caller = try context.requireCaller()
            let url = try await Self.mapped { try await self.callscribe.ringCentralConnectURL(as: caller) }
            return Response(status: .found, headers: [.location: url, .cacheControl: "no-store"])
        }
        router.get("/ringcentral/callback") { request, context in
            let caller = try context.requireCaller()
            let query = request.uri.queryParameters
            let error = query["error"].map { error in
                query["error_description"].map { "\(error): \($0)" } ?? String(error)
            }
            try await Self.mapped {
                try await self.callscribe.completeRingCentralConnection(
                    code: query["code"].map(String.init), state: query["state"].map(String.init), error: error, as: caller
                )
            }
            return Response(status: .seeOther, headers: [.location: "/admin?ringcentral=connected", .cacheControl: "no-store"])
        }
    }

    /// The admin page's card: whether RingCentral is connected, with the link to connect it.
    static func card(_ state: RingCentralConnectionState) -> String {
        let (status, text, link): (String, String, String) = switch state {
        case .jwt: ("jwt", "Signed in with the server's JWT credential.", "")
        case .notConnected: ("not-connected", "Not connected: calls are not being read until an admin connects RingCentral.", "Connect RingCentral")
        case .connected(let owner, let until):
            ("connected", "Connected\(owner.map { " as extension \($0)" } ?? ""); the connection renews itself (refresh token good until \(until.iso8601)).", "Connect again")
        case .needsReauthorization(let reason): ("needs-reauthorization", "Disconnected: \(reason)", "Connect RingCentral again")
        }
        let action = link.isEmpty ? "" : " <a class=\"button\" id=\"ringcentral-connect\" href=\"/ringcentral/connect\">\(esc(link))</a>"
        return "<section class=\"card\" id=\"ringcentral\" data-state=\"\(status)\"><h1>RingCentral</h1><p>\(esc(text))\(action)</p></section>"
    }

    /// Connection failures as the pages' errors.
    private static func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RingCentralConnectError {
            switch error {
            case .notAuthorizationCodeGrant: throw APIError(.notFound, code: "not_found", message: error.description)
            case .browserSessionRequired: throw APIError(.forbidden, code: "browser_session_required", message: error.description)
            case .invalidState: throw APIError(.badRequest, code: "invalid_state", message: error.description, field: "state")
            case .refused: throw APIError(.badRequest, code: "ringcentral_refused", message: error.description)
            case .exchangeFailed(let cause):
                throw APIError(cause.isRetryable ? .serviceUnavailable : .badGateway, code: "ringcentral_exchange_failed", message: error.description)
            }
        }
    }
}
