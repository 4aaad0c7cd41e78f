import Foundation
import NIOCore
import NIOHTTP1
import ScribeCore

/// A CRM's OAuth2 token endpoint, spoken for the refresh-token grant only.
///
/// HubSpot and Salesforce take the client's id and secret in the form; Pipedrive takes them as HTTP
/// Basic credentials. Secrets and tokens never reach a log line or an error message.
public struct CRMOAuthClient: Sendable {
    /// How the client authenticates itself to the token endpoint.
    public enum ClientAuthentication: String, Sendable, Hashable, Codable {
        /// `client_id` and `client_secret` in the form (HubSpot, Salesforce).
        case form
        /// `Authorization: Basic base64(client_id:client_secret)` (Pipedrive).
        case basic
    }

    /// The app's registration and where to send refreshes.
    public struct Registration: Sendable, Hashable, Codable {
        public var tokenURL: String
        public var clientID: String
        public var clientSecret: String
        public var clientAuthentication: ClientAuthentication

        public init(tokenURL: String, clientID: String, clientSecret: String, clientAuthentication: ClientAuthentication) {
            self.tokenURL = tokenURL
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.clientAuthentication = clientAuthentication
        }
    }

    public let registration: Registration
    private let http: ConnectorHTTPClient
    private let now: @Sendable () -> Date

    public init(registration: Registration, http: ConnectorHTTPClient, now: @escaping @Sendable () -> Date = { Date() }) {
        self.registration = registration
        self.http = http
        self.now = now
    }

    /// Spends `refreshToken` on a new pair. A CRM that does not rotate refresh tokens (Salesforce,
    /// HubSpot) answers without one or with the same one; the pair then keeps `refreshToken`.
    ///
    /// - Throws: ``ConnectorError`` `.permanent` when the CRM refuses the grant (400/401: revoked,
    ///   spent or unknown refresh token, or a wrong client): only re-authorising the connection helps.
    ///   `.transient` for 5xx and transport failures.
    public func refresh(_ refreshToken: String, operation: String) async throws(ConnectorError) -> CRMTokenPair {
        var form = [("grant_type", "refresh_token"), ("refresh_token", refreshToken)]
        var headers = HTTPHeaders()
        switch self.registration.clientAuthentication {
        case .form:
            form += [("client_id", self.registration.clientID), ("client_secret", self.registration.clientSecret)]
        case .basic:
            let basic = Data("\(self.registration.clientID):\(self.registration.clientSecret)".utf8).base64EncodedString()
            headers.add(name: "Authorization", value: "Basic \(basic)")
        }
        let sentAt = self.now()
        let response = try await self.http.postForm(url: self.registration.tokenURL, form: form, headers: headers, operation: operation)
        guard response.isSuccess else { throw CRMOAuthClient.error(for: response, operation: operation) }
        let answer = try response.decode(TokenResponse.self, operation: operation)
        guard !answer.accessToken.isEmpty else {
            throw ConnectorError(.permanent, operation: operation, status: response.status, message: "the token endpoint answered without an access token")
        }
        return CRMTokenPair(
            accessToken: answer.accessToken,
            accessExpiresAt: answer.expiresIn.map { sentAt.addingTimeInterval($0) },
            refreshToken: answer.refreshToken.flatMap { $0.isEmpty ? nil : $0 } ?? refreshToken
        )
    }

    /// A refused grant names the CRM's reason (`invalid_grant`, `BAD_REFRESH_TOKEN`) but never echoes the body,
    /// which some token endpoints fill with the request's parameters.
    static func error(for response: ConnectorHTTPResponse, operation: String) -> ConnectorError {
        let body = try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body.readableBytesView))
        let reason = [body?.error, body?.status].compactMap { $0 }.first ?? "HTTP \(response.status)"
        switch response.status {
        case 400, 401, 403:
            return ConnectorError(
                .permanent, operation: operation, status: response.status,
                message: "the CRM refused the refresh token (\(reason)); the connection must be re-authorised"
            )
        case 429, 500...599:
            return ConnectorError(.transient, operation: operation, status: response.status, message: "token endpoint unavailable (\(reason))")
        default:
            return ConnectorError(.permanent, operation: operation, status: response.status, message: "token endpoint answered \(reason)")
        }
    }

    /// The fields the three CRMs' refresh answers share (Salesforce sends no `expires_in` and no `refresh_token`).
    struct TokenResponse: Decodable {
        var accessToken: String
        var refreshToken: String?
        var expiresIn: TimeInterval?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case refreshToken = "refresh_token"
            case expiresIn = "expires_in"
        }
    }

    /// OAuth's `error` (Salesforce, Pipedrive) or HubSpot's `status` (`BAD_REFRESH_TOKEN`).
    struct ErrorBody: Decodable {
        var error: String?
        var status: String?
    }
}
