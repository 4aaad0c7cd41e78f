import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeCore
import ScribeSandbox
import ScribeTelephony
import ScribeTestSupport
import ServiceLifecycle
import Synchronization
import Testing

/// The authorization-code grant against the sandbox phone system over loopback: the code exchange,
/// single-use refresh tokens shared through a token store, 401 and `invalid_grant` handling.
@Suite("RingCentral authorization-code grant")
struct RingCentralAuthorizationCodeTests {
    typealias Clock = RingCentralClientTests.Clock
    static let redirectURI = "http://127.0.0.1:9/ringcentral/callback"

    /// What a test gets: the phone system, a way to make clients sharing one store and clock, and the store.
    struct Setup: Sendable {
        let phone: PhoneSystemSandbox
        let url: String
        let http: HTTPClient
        let clock: Clock
        let store: InMemoryRingCentralTokenStore

        func client(store: (any RingCentralTokenStore)? = nil) -> RingCentralClient {
            let credentials = RingCentralCredentials(
                serverURL: self.url, clientID: self.phone.credentials.clientID, clientSecret: self.phone.credentials.clientSecret, jwt: "",
                grant: .authorizationCode
            )
            let clock = self.clock
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            return RingCentralClient(credentials: credentials, httpClient: self.http, tokenStore: store ?? self.store, logger: logger, now: { clock.now })
        }

        /// Plays the admin's browser: the sign-in page redirects to the callback with a code and the state.
        func authorizationCode(client: RingCentralClient, state: String = "state-1") async throws -> String {
            var request = HTTPClientRequest(url: client.tokens.authorizeURL(redirectURI: RingCentralAuthorizationCodeTests.redirectURI, state: state))
            request.method = .GET
            let response = try await self.http.execute(request, timeout: .seconds(5))
            #expect(response.status == .found)
            let location = try #require(response.headers.first(name: "Location"))
            #expect(location.hasPrefix(RingCentralAuthorizationCodeTests.redirectURI + "?"))
            let query = try #require(URLComponents(string: location)?.queryItems)
            #expect(query.first { $0.name == "state" }?.value == state)
            return try #require(query.first { $0.name == "code" }?.value)
        }

        /// A client connected through the code flow.
        func connected() async throws -> RingCentralClient {
            let client = self.client()
            try await client.tokens.exchange(code: try await self.authorizationCode(client: client), redirectURI: RingCentralAuthorizationCodeTests.redirectURI)
            return client
        }
    }

    static func withPhone(_ body: @Sendable (Setup) async throws -> Void) async throws {
        let http = HTTPClient(configuration: .init(redirectConfiguration: .disallow))
        let result: Result<Void, any Error>
        do {
            result = .success(try await PhoneSandboxHarness.run(httpClient: http) { served in
                try await body(Setup(phone: served.phone, url: served.url, http: http, clock: Clock(), store: InMemoryRingCentralTokenStore()))
            })
        } catch {
            result = .failure(error)
        }
        try await http.shutdown()
        try result.get()
    }

    @Test("the code buys a stored token pair with RingCentral's TokenInfo fields, and the pair buys API access")
    func connect() async throws {
        try await Self.withPhone { setup in
            let client = setup.client()
            #expect(await client.tokens.connectionState() == .notConnected)
            do {
                _ = try await client.accountID()
                Issue.record("expected an error before connecting")
            } catch let error as TelephonyError {
                #expect(error.needsAuthorization)
                #expect(error.message.contains("/ringcentral/connect"))
            }
            let code = try await setup.authorizationCode(client: client)
            let pair = try await client.tokens.exchange(code: code, redirectURI: Self.redirectURI)
            #expect(pair.ownerID == setup.phone.company.employees[0].extensionID)
            #expect(pair.accessExpiresAt == setup.clock.now.addingTimeInterval(3600))
            #expect(pair.refreshExpiresAt == setup.clock.now.addingTimeInterval(604_800))
            #expect(try await setup.store.load() == pair)
            #expect(!pair.description.contains(pair.refreshToken) && !pair.description.contains(pair.accessToken))
            #expect(try await client.accountID().rawValue == setup.phone.company.accountID)
            #expect(setup.phone.tokenGrants == ["authorization_code": 1])
            // A code is good once.
            do {
                try await client.tokens.exchange(code: code, redirectURI: Self.redirectURI)
                Issue.record("a code was accepted twice")
            } catch let error as TelephonyError {
                #expect(error.kind == .unauthorized)
                #expect(error.message.contains("invalid_grant"))
            }
        }
    }

    @Test("concurrent callers near expiry cause exactly one refresh, stored before use")
    func oneRefreshForConcurrentCallers() async throws {
        try await Self.withPhone { setup in
            let client = try await setup.connected()
            let before = try #require(try await setup.store.load())
            // Within a minute of expiry: refreshed ahead, not after a 401.
            setup.clock.advance(3600 - 30)
            try await withThrowingTaskGroup(of: AccountID.self) { group in
                for _ in 0..<20 { group.addTask { try await client.accountID() } }
                for try await account in group { #expect(account.rawValue == setup.phone.company.accountID) }
            }
            #expect(setup.phone.tokenGrants["refresh_token"] == 1)
            #expect(setup.phone.refreshTokenReuses == 0)
            let after = try #require(try await setup.store.load())
            #expect(after.refreshToken != before.refreshToken && after.accessToken != before.accessToken)
            #expect(after.accessExpiresAt == setup.clock.now.addingTimeInterval(3600))
        }
    }

    @Test("two processes sharing the store never both spend one refresh token")
    func sharedStore() async throws {
        try await Self.withPhone { setup in
            let first = try await setup.connected()
            let second = setup.client()
            #expect(try await second.accountID().rawValue == setup.phone.company.accountID, "the second uses the stored pair as it is")
            setup.clock.advance(3600)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<10 {
                    let client = n.isMultiple(of: 2) ? first : second
                    group.addTask { _ = try await client.accountID() }
                }
                try await group.waitForAll()
            }
            #expect(setup.phone.tokenGrants["refresh_token"] == 1)
            #expect(setup.phone.refreshTokenReuses == 0)
        }
    }

    @Test("a 401 refreshes once and retries once")
    func unauthorizedRefreshesOnce() async throws {
        try await Self.withPhone { setup in
            let client = try await setup.connected()
            let before = try #require(try await setup.store.load())
            setup.phone.expireAccessTokens()
            let requests = setup.phone.apiRequestCount
            #expect(try await client.accountID().rawValue == setup.phone.company.accountID)
            #expect(setup.phone.apiRequestCount == requests + 2, "the refused request and its one retry")
            #expect(setup.phone.tokenGrants["refresh_token"] == 1)
            #expect(try await setup.store.load()?.refreshToken != before.refreshToken)
        }
    }

    @Test("a refused refresh token says an admin must reconnect, is not retried, and a new code mends it")
    func invalidGrant() async throws {
        try await Self.withPhone { setup in
            let client = try await setup.connected()
            setup.phone.expireRefreshTokens()
            setup.phone.expireAccessTokens()
            for _ in 0..<3 {
                do {
                    _ = try await client.accountID()
                    Issue.record("expected an error")
                } catch let error as TelephonyError {
                    #expect(error.needsAuthorization)
                    #expect(!error.isRetryable)
                    #expect(error.message.contains("connect RingCentral again"))
                }
            }
            #expect(setup.phone.tokenGrants["refresh_token"] == nil, "the refused refresh is not counted as a grant")
            guard case .needsReauthorization(let reason) = await client.tokens.connectionState() else {
                Issue.record("expected needsReauthorization")
                return
            }
            #expect(reason.contains("invalid_grant"))
            #expect(setup.phone.tokenRequestCount == 2, "the code exchange and one refused refresh, nothing more")
            try await client.tokens.exchange(code: try await setup.authorizationCode(client: client), redirectURI: Self.redirectURI)
            #expect(try await client.accountID().rawValue == setup.phone.company.accountID)
        }
    }
}
