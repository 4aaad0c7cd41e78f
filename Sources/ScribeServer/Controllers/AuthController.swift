import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// Signing in and out over the API, who am I, and API tokens for machines.
struct AuthController {
    let callscribe: Callscribe

    struct Credentials: Decodable {
        var email: String
        var password: String
    }

    struct TokenRequest: Decodable {
        var name: String
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/auth/login") { request, _ in
            let credentials = try await JSONRequest.decode(Credentials.self, from: request)
            let signIn = try await self.callscribe.signIn(email: credentials.email, password: credentials.password)
            var response = try JSONResponse.make(Me(user: signIn.user, csrfToken: signIn.session.csrfToken))
            response.setCookie(SessionCookie.set(signIn, self.callscribe.configuration))
            return response
        }
        router.post("/api/auth/logout") { request, context in
            _ = try context.requireCaller()
            if let token = request.cookies[SessionCookie.name]?.value { try await self.callscribe.signOut(sessionToken: token) }
            var response = Response(status: .noContent)
            response.setCookie(SessionCookie.clear(self.callscribe.configuration))
            return response
        }
        router.get("/api/me") { _, context in
            let caller = try context.requireCaller()
            return try JSONResponse.make(Me(user: caller.user, csrfToken: caller.session?.csrfToken))
        }
        router.put("/api/me/password") { request, context in
            let caller = try context.requireCaller()
            let body = try await JSONRequest.decode(PasswordChange.self, from: request)
            try await self.callscribe.changePassword(of: caller, current: body.currentPassword, new: body.newPassword)
            return Response(status: .noContent)
        }
        router.get("/api/tokens") { _, context in
            let tokens = try await self.callscribe.apiTokens(of: try context.requireUser())
            return try JSONResponse.make(["tokens": tokens.map(TokenView.init)])
        }
        router.post("/api/tokens") { request, context in
            let user = try context.requireUser()
            let body = try await JSONRequest.decode(TokenRequest.self, from: request)
            let (token, record) = try await self.callscribe.issueAPIToken(for: user, name: body.name)
            return try JSONResponse.make(NewToken(token: token, record: TokenView(record)), status: .created)
        }
        router.delete("/api/tokens/{id}") { _, context in
            try await self.callscribe.revokeAPIToken(try context.parameters.require("id"), of: try context.requireUser())
            return Response(status: .noContent)
        }
    }

}

/// `PUT /api/me/password`'s body.
struct PasswordChange: Decodable, KnownFields {
    var currentPassword: String
    var newPassword: String

    static var knownFields: Set<String> { ["currentPassword", "newPassword"] }
}

/// `PUT /api/admin/users/{id}/password`'s body.
struct PasswordReset: Decodable, KnownFields {
    var newPassword: String

    static var knownFields: Set<String> { ["newPassword"] }
}

/// The signed-in person as the API shows them, with the CSRF token a browser sends back with changes.
struct Me: Encodable {
    var user: UserView
    var csrfToken: String?

    init(user: User, csrfToken: String?) {
        self.user = UserView(user)
        self.csrfToken = csrfToken
    }
}

/// A user without anything secret.
struct UserView: Encodable {
    var id: String
    var email: String
    var name: String
    var role: String
    var extensionId: String?

    init(_ user: User) {
        self.id = user.id.rawValue
        self.email = user.email
        self.name = user.name
        self.role = user.role.rawValue
        self.extensionId = user.extensionID?.rawValue
    }
}

/// An API token as listed: never the token itself.
struct TokenView: Encodable {
    var id: String
    var name: String
    var createdAt: Date

    init(_ token: APIToken) {
        self.id = token.id
        self.name = token.name
        self.createdAt = token.createdAt
    }
}

/// A new token: the only time the token is shown.
struct NewToken: Encodable {
    var token: String
    var record: TokenView
}
