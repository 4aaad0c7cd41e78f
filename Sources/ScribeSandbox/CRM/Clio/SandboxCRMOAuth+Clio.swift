import Foundation

extension SandboxCRMOAuth {
    /// Clio's refresh answer: a new bearer token only; the refresh token is kept, not rotated.
    /// Source: docs.developers.clio.com/api-docs/authorization (refresh-token grant) [O]; Clio's
    /// server is Doorkeeper, which adds `created_at`.
    static func clioAnswer(access: String, lifetime: Int) -> [String: any Sendable] {
        ["token_type": "Bearer", "access_token": access, "expires_in": lifetime, "created_at": Int(Date().timeIntervalSince1970)]
    }

    /// Doorkeeper's refusal bodies (`error`, `error_description`), with its stock descriptions [O].
    static func clioRefusal(error: String) -> [String: any Sendable] {
        let description =
            switch error {
            case "invalid_grant":
                "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."
            case "invalid_client":
                "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."
            default: "The authorization grant type is not supported by the authorization server."
            }
        return ["error": error, "error_description": description]
    }
}
