import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// `/login` and `/logout`: plain forms, so signing in works before any script runs.
struct LoginPage {
    let callscribe: Callscribe

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/login") { request, context in
            if context.caller != nil { return Response(status: .seeOther, headers: [.location: "/"]) }
            return self.page(error: context.sessionExpired ? "Your session has expired; sign in again." : nil, next: request.uri.queryParameters["next"].map(String.init))
        }
        router.post("/login") { request, _ in
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: Authentication.maximumFormSize)))
            let next = Self.safeNext(form["next"])
            do {
                let signIn = try await self.callscribe.signIn(email: form["email"] ?? "", password: form["password"] ?? "")
                var response = Response(status: .seeOther, headers: [.location: next])
                response.setCookie(SessionCookie.set(signIn, self.callscribe.configuration))
                return response
            } catch AccessError.signInFailed {
                return self.page(error: AccessError.signInFailed.description.capitalizedFirst, email: form["email"], next: next, status: .unauthorized)
            } catch let error as AccessError {
                return self.page(error: error.description.capitalizedFirst, email: form["email"], next: next, status: .tooManyRequests)
            }
        }
        router.post("/logout") { request, context in
            if let token = request.cookies[SessionCookie.name]?.value, context.caller != nil { try await self.callscribe.signOut(sessionToken: token) }
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(SessionCookie.clear(self.callscribe.configuration))
            return response
        }
    }

    private func page(error: String?, email: String? = nil, next: String?, status: HTTPResponse.Status = .ok) -> Response {
        PageLayout(title: "Sign in", section: .login, caller: nil).response(
            """
            <section class="card narrow"><h1>Sign in</h1>
            \(error.map { "<p class=\"error\" role=\"alert\">\(esc($0))</p>" } ?? "")
            <form id="login" method="post" action="/login">
            <input type="hidden" name="next" value="\(esc(Self.safeNext(next)))">
            <label>Email <input name="email" type="email" autocomplete="username" required value="\(esc(email ?? ""))"></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
            </form></section>
            """,
            status: status
        )
    }

    /// Only a path on this site, so the sign-in form cannot send people elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

}

extension String {
    /// The text with its first letter upper-cased.
    var capitalizedFirst: String { self.prefix(1).uppercased() + self.dropFirst() }
}
