import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// RingCentral's OAuth server, as far as Callscribe uses it: the JWT grant, the authorization-code
/// grant (its sign-in page approves at once) and single-use refresh tokens, with RingCentral's
/// `TokenInfo` answer and OAuth error bodies.
extension PhoneSystemSandbox {
    static let tokenScope = "ReadAccounts ReadCallLog ReadCallRecording CallControl WebhookSubscriptions"

    func addOAuthRoutes(to router: Router<BasicRequestContext>) {
        router.post("/restapi/oauth/token") { request, context in try await self.token(request, context) }
        router.get("/restapi/oauth/authorize") { request, _ in self.authorize(request) }
    }

    // MARK: Knobs for tests

    /// `expires_in` of access tokens issued from now on (RingCentral allows 600–3600).
    public var accessTokenLifetime: Int {
        get { self.oauth.withLock { $0.accessTokenLifetime } }
        set { self.oauth.withLock { $0.accessTokenLifetime = newValue } }
    }

    /// `refresh_token_expires_in` of refresh tokens issued from now on.
    public var refreshTokenLifetime: Int {
        get { self.oauth.withLock { $0.refreshTokenLifetime } }
        set { self.oauth.withLock { $0.refreshTokenLifetime = newValue } }
    }

    /// Expires every access token issued so far; their refresh tokens still work.
    public func expireAccessTokens() {
        self.oauth.withLock { $0.accessTokens.removeAll() }
    }

    /// Expires every refresh token issued so far: the next refresh is refused with `invalid_grant`.
    public func expireRefreshTokens() {
        self.oauth.withLock { state in
            for token in state.refreshTokens.keys { state.refreshTokens[token]?.expiresAt = .distantPast }
        }
    }

    /// Token requests answered so far, by `grant_type` (`refresh_token`, `authorization_code`, the JWT grant's URN).
    public var tokenGrants: [String: Int] { self.oauth.withLock { $0.grants } }

    /// Token requests received so far, granted or refused.
    public var tokenRequestCount: Int { self.oauth.withLock { $0.tokenRequests } }

    /// How many times a refresh token was sent again after it had been spent.
    public var refreshTokenReuses: Int { self.oauth.withLock { $0.refreshTokenReuses } }

    func isValidAccessToken(_ token: String, at now: Date = Date()) -> Bool {
        self.oauth.withLock { ($0.accessTokens[token] ?? .distantPast) > now }
    }

    // MARK: Routes

    /// `GET /restapi/oauth/authorize`: RingCentral would show its sign-in and consent page; the
    /// sandbox approves at once and sends the browser back with a one-time code and the state.
    private func authorize(_ request: Request) -> Response {
        let query = request.uri.queryParameters
        guard query["response_type"].map(String.init) == "code", query["client_id"].map(String.init) == self.credentials.clientID,
            let redirectURI = query["redirect_uri"].map(String.init), redirectURI.hasPrefix("http")
        else {
            return self.json(Self.oauthError("invalid_request", "Unsupported response type, unknown client or missing redirect_uri", code: "OAU-101"), status: .badRequest)
        }
        let code = "U0pDMDFQMDFKV1MwMXxD" + Self.randomToken()
        self.oauth.withLock { $0.codes[code] = .init(redirectURI: redirectURI, expiresAt: Date().addingTimeInterval(60)) }
        var location = redirectURI + (redirectURI.contains("?") ? "&" : "?") + "code=" + Self.escape(code)
        if let state = query["state"] { location += "&state=" + Self.escape(String(state)) }
        return Response(status: .found, headers: [.location: location])
    }

    /// `POST /restapi/oauth/token` for the JWT, authorization-code and refresh-token grants.
    private func token(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        self.oauth.withLock { $0.tokenRequests += 1 }
        let expected = "Basic " + Data("\(self.credentials.clientID):\(self.credentials.clientSecret)".utf8).base64EncodedString()
        guard request.headers[.authorization] == expected else {
            return self.json(Self.oauthError("invalid_client", "Invalid client", code: "OAU-123"), status: .unauthorized)
        }
        let body = try await request.body.collect(upTo: 64 * 1024)
        let form = FormFields(String(buffer: body))
        let grant = form["grant_type"] ?? ""
        let now = Date()
        switch grant {
        case "urn:ietf:params:oauth:grant-type:jwt-bearer":
            guard form["assertion"] == self.credentials.jwt else {
                return self.json(Self.oauthError("invalid_grant", "Invalid JWT assertion", code: "OAU-213"), status: .badRequest)
            }
        case "authorization_code":
            let accepted = self.oauth.withLock { state -> Bool in
                // A code is good once, for the redirect URI it was issued to, for a minute.
                guard let code = form["code"], let issued = state.codes.removeValue(forKey: code) else { return false }
                return issued.expiresAt > now && issued.redirectURI == form["redirect_uri"]
            }
            guard accepted else {
                return self.json(Self.oauthError("invalid_grant", "Invalid authorization code", code: "OAU-109"), status: .badRequest)
            }
        case "refresh_token":
            let refusal = self.oauth.withLock { state -> String? in
                guard let token = form["refresh_token"], let refresh = state.refreshTokens[token] else { return "Token not found" }
                if refresh.used {
                    state.refreshTokenReuses += 1
                    return "Token not found"
                }
                guard refresh.expiresAt > now else { return "Refresh token has expired" }
                state.refreshTokens[token]?.used = true
                return nil
            }
            if let refusal {
                return self.json(Self.oauthError("invalid_grant", refusal, code: "OAU-211"), status: .badRequest)
            }
        default:
            return self.json(Self.oauthError("unsupported_grant_type", "Unsupported grant type", code: "OAU-250"), status: .badRequest)
        }
        return self.json(self.issueTokens(grant: grant, now: now))
    }

    /// A new access and refresh token, as RingCentral's `TokenInfo`.
    private func issueTokens(grant: String, now: Date) -> [String: Any] {
        let access = "U0pDMDFQMDFQQVMwMHxBQUJ" + Self.randomToken()
        let refresh = "U0pDMDFQMDFSRVMwMHxBQUF" + Self.randomToken()
        let (accessLifetime, refreshLifetime) = self.oauth.withLock { state in
            state.grants[grant, default: 0] += 1
            state.accessTokens[access] = now.addingTimeInterval(TimeInterval(state.accessTokenLifetime))
            state.refreshTokens[refresh] = .init(expiresAt: now.addingTimeInterval(TimeInterval(state.refreshTokenLifetime)))
            return (state.accessTokenLifetime, state.refreshTokenLifetime)
        }
        return [
            "access_token": access, "token_type": "bearer", "expires_in": accessLifetime, "refresh_token": refresh,
            "refresh_token_expires_in": refreshLifetime, "scope": Self.tokenScope,
            "owner_id": self.company.employees[0].extensionID, "endpoint_id": "sandbox-endpoint",
        ]
    }

    /// RingCentral's OAuth error body: OAuth's `error` and `error_description`, and its own `errors`.
    static func oauthError(_ error: String, _ description: String, code: String) -> [String: Any] {
        ["error": error, "error_description": description, "errors": [["errorCode": code, "message": description]]]
    }

    private static func randomToken() -> String {
        (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "")
    }

    private static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
