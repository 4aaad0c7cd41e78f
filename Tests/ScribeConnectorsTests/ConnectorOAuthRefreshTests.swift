import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

/// The contract every connector keeps with OAuth2: an expired access token costs exactly one refresh
/// and one retry, concurrent requests share a refresh, a refused refresh is final, and the pair a
/// refresh bought survives a restart. Each case runs against its vendor's sandbox over loopback.
@Suite("Connector OAuth refresh", .sharedHTTPClient)
struct ConnectorOAuthRefreshTests {
    @Test("an expired access token is refreshed once and the request retried", arguments: OAuthCRM.allCases)
    func expiredTokenRefreshesAndRetries(crm: OAuthCRM) async throws {
        try await OAuthHarness.run(crm) { harness in
            let initial = harness.grantedPair()
            let store = InMemoryCRMTokenStore()
            let connector = harness.connector(harness.provider(store: store, initial: initial))
            harness.oauth.expireAccessTokens()

            let contacts = try await connector.findContacts(matching: OAuthHarness.knownNumber)

            #expect(contacts.count == 1)
            #expect(harness.oauth.refreshCount == 1)
            #expect(harness.oauth.tokenRequestCount == 1)
            let stored = try #require(try await store.load())
            #expect(stored.accessToken != initial.accessToken)
            #expect((stored.refreshToken != initial.refreshToken) == harness.rotatesRefreshTokens)
        }
    }

    @Test("concurrent requests that meet the same expired token share one refresh", arguments: OAuthCRM.allCases)
    func concurrentRequestsShareOneRefresh(crm: OAuthCRM) async throws {
        try await OAuthHarness.run(crm) { harness in
            let connector = harness.connector(harness.provider(store: InMemoryCRMTokenStore(), initial: harness.grantedPair()))
            harness.oauth.expireAccessTokens()

            let number = try OAuthHarness.knownNumber
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 { group.addTask { try await connector.findContacts(matching: number).count } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }

            #expect(counts.count == 8)
            #expect(counts.allSatisfy { $0 == 1 })
            #expect(harness.oauth.refreshCount == 1)
            #expect(harness.oauth.tokenRequestCount == 1)
        }
    }

    @Test("a refused refresh is a non-retryable error asking for re-authorisation, never sent twice", arguments: OAuthCRM.allCases)
    func refusedRefreshIsFinal(crm: OAuthCRM) async throws {
        try await OAuthHarness.run(crm) { harness in
            let connector = harness.connector(harness.provider(store: InMemoryCRMTokenStore(), initial: harness.grantedPair()))
            harness.oauth.revokeRefreshTokens()
            harness.oauth.expireAccessTokens()

            let first = await expectConnectorError { _ = try await connector.customFields() }
            let second = await expectConnectorError { _ = try await connector.customFields() }

            let error = try #require(first)
            #expect(error.kind == .permanent)
            #expect(!error.isRetryable)
            #expect(error.status == 400)
            #expect(error.message.contains("re-authorised"))
            #expect(second?.kind == .permanent)
            #expect(harness.oauth.tokenRequestCount == 1)
            #expect(harness.oauth.refreshCount == 0)
        }
    }

    @Test("the refreshed pair is stored, and a provider built from the store uses it", arguments: OAuthCRM.allCases)
    func refreshedPairSurvivesRestart(crm: OAuthCRM) async throws {
        try await OAuthHarness.run(crm) { harness in
            let initial = harness.grantedPair()
            let store = InMemoryCRMTokenStore()
            harness.oauth.expireAccessTokens()
            _ = try await harness.connector(harness.provider(store: store, initial: initial)).customFields()
            #expect(harness.oauth.refreshCount == 1)

            // A restart: the settings still hold the spent pair, the store the new one.
            let restarted = harness.connector(harness.provider(store: store, initial: initial))
            _ = try await restarted.customFields()
            #expect(harness.oauth.refreshCount == 1)

            // The stored refresh token is the live one (Pipedrive has spent the initial one).
            harness.oauth.expireAccessTokens()
            _ = try await restarted.customFields()
            #expect(harness.oauth.refreshCount == 2)
        }
    }

    @Test("an access token about to expire is refreshed before the request", arguments: OAuthCRM.allCases)
    func refreshesAheadOfExpiry(crm: OAuthCRM) async throws {
        try await OAuthHarness.run(crm) { harness in
            let granted = harness.oauth.grant()
            let soon = CRMTokenPair(accessToken: granted.accessToken, accessExpiresAt: Date().addingTimeInterval(20), refreshToken: granted.refreshToken)
            let store = InMemoryCRMTokenStore()

            _ = try await harness.connector(harness.provider(store: store, initial: soon)).customFields()

            // The sandbox still accepted the old token: only the provider's clock explains a refresh.
            #expect(harness.oauth.refreshCount == 1)
            #expect(try await store.load()?.accessToken != granted.accessToken)
        }
    }

    @Test("only a refresh token configured: the first request refreshes first", arguments: OAuthCRM.allCases)
    func refreshTokenOnly(crm: OAuthCRM) async throws {
        try await OAuthHarness.run(crm) { harness in
            let granted = harness.oauth.grant()
            let initial = CRMTokenPair(accessToken: "", accessExpiresAt: nil, refreshToken: granted.refreshToken)

            let contacts = try await harness.connector(harness.provider(store: InMemoryCRMTokenStore(), initial: initial)).findContacts(matching: OAuthHarness.knownNumber)

            #expect(contacts.count == 1)
            #expect(harness.oauth.refreshCount == 1)
        }
    }

    @Test("a refresh token another process already spent: the pair it stored is adopted, not reported as revoked", arguments: OAuthCRM.allCases)
    func adoptsPairRefreshedElsewhere(crm: OAuthCRM) async throws {
        try await OAuthHarness.run(crm) { harness in
            let initial = harness.grantedPair()
            let store = InMemoryCRMTokenStore()
            let number = try OAuthHarness.knownNumber
            let server = harness.connector(harness.provider(store: store, initial: initial))
            _ = try await server.findContacts(matching: number)

            // A CLI command sharing the store refreshes first (Pipedrive spends the refresh token).
            harness.oauth.expireAccessTokens()
            _ = try await harness.connector(harness.provider(store: store, initial: initial)).findContacts(matching: number)
            #expect(harness.oauth.refreshCount == 1)

            let contacts = try await server.findContacts(matching: number)

            #expect(contacts.count == 1)
            // Where refresh tokens do not rotate the server simply refreshes again; where they do it adopts the stored pair.
            #expect(harness.oauth.refreshCount == (harness.rotatesRefreshTokens ? 1 : 2))
        }
    }
}
