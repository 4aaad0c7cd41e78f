import AsyncHTTPClient
import Foundation
import Logging
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

/// The three CRMs whose connectors refresh OAuth2 tokens, for suites parameterised over them.
enum OAuthCRM: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case hubspot, salesforce, pipedrive

    var testDescription: String { self.rawValue }
}

/// One CRM's sandbox served on loopback, its OAuth server, and connectors that refresh against it.
struct OAuthHarness {
    let crm: OAuthCRM
    let oauth: SandboxCRMOAuth
    let baseURL: String
    let httpClient: HTTPClient

    /// The app registration each vendor expects: its token path and where the client's credentials go.
    var registration: CRMOAuthClient.Registration {
        let (path, authentication): (String, CRMOAuthClient.ClientAuthentication) =
            switch self.crm {
            case .hubspot: ("/oauth/v1/token", .form)
            case .salesforce: ("/services/oauth2/token", .form)
            case .pipedrive: ("/oauth/token", .basic)
            }
        return CRMOAuthClient.Registration(
            tokenURL: self.baseURL + path, clientID: self.oauth.clientID, clientSecret: self.oauth.clientSecret, clientAuthentication: authentication
        )
    }

    /// A pair just granted by the sandbox, its access token believed good for an hour.
    func grantedPair() -> CRMTokenPair {
        let granted = self.oauth.grant()
        return CRMTokenPair(accessToken: granted.accessToken, accessExpiresAt: Date().addingTimeInterval(3600), refreshToken: granted.refreshToken)
    }

    func provider(store: any CRMTokenStore, initial: CRMTokenPair, now: @escaping @Sendable () -> Date = { Date() }) -> CRMTokenProvider {
        let http = ConnectorHTTPClient(httpClient: self.httpClient, logger: .init(label: "test.oauth"))
        return CRMTokenProvider(client: CRMOAuthClient(registration: self.registration, http: http, now: now), store: store, initial: initial, now: now)
    }

    func connector(_ provider: CRMTokenProvider) -> any CRMConnector {
        switch self.crm {
        case .hubspot: HubSpotConnector(baseURL: self.baseURL, authorization: .oauth(provider), httpClient: self.httpClient)
        case .salesforce: SalesforceConnector(instanceURL: self.baseURL, authorization: .oauth(provider), httpClient: self.httpClient)
        case .pipedrive: PipedriveConnector(baseURL: self.baseURL, authorization: .oauth(provider), httpClient: self.httpClient)
        }
    }

    /// A customer whose number is stored in E.164 (customer 7), the same in all three sandboxes.
    static var knownNumber: PhoneNumber {
        get throws { try #require(PhoneNumber(parsing: HubSpotHarness.company.customers[7].phoneNumber)) }
    }

    /// Whether the vendor hands out a new refresh token with each refresh (and spends the old one).
    var rotatesRefreshTokens: Bool { self.crm == .pipedrive }

    static func run<Value>(_ crm: OAuthCRM, _ body: (OAuthHarness) async throws -> Value) async throws -> Value {
        switch crm {
        case .hubspot:
            try await HubSpotHarness.run { try await body(OAuthHarness(crm: crm, oauth: $0.sandbox.oauth, baseURL: $0.baseURL, httpClient: $0.httpClient)) }
        case .salesforce:
            try await SalesforceHarness.run { try await body(OAuthHarness(crm: crm, oauth: $0.sandbox.oauth, baseURL: $0.baseURL, httpClient: $0.httpClient)) }
        case .pipedrive:
            try await PipedriveHarness.run { try await body(OAuthHarness(crm: crm, oauth: $0.sandbox.oauth, baseURL: $0.baseURL, httpClient: $0.httpClient)) }
        }
    }
}
