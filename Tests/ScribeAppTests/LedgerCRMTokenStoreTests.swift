import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import ScribeConnectors
import ScribeCore
import ScribeStore
import Testing

@testable import ScribeApp

/// A CRM connection's refreshed token pair in the ledger: sealed, swapped only over the pair it
/// replaced, and what a provider built after a restart starts from.
@Suite("LedgerCRMTokenStore")
struct LedgerCRMTokenStoreTests {
    static let secrets = SecretBox(key: SymmetricKey(data: Data(repeating: 7, count: 32)))
    static let configured = "configured-refresh-token"

    func store(_ ledger: SQLiteLedgerStore, configured: String = LedgerCRMTokenStoreTests.configured) -> LedgerCRMTokenStore {
        LedgerCRMTokenStore(connection: "hubspot", configuredRefreshToken: configured, ledger: ledger, secrets: Self.secrets, now: { Date(timeIntervalSince1970: 1_800_000_000) })
    }

    @Test("a stored pair is sealed, replaces only the pair it came from, and is read back by a new store")
    func storesSealedWithCompareAndSwap() async throws {
        let ledger = try SQLiteLedgerStore.inMemory()
        let first = CRMTokenPair(accessToken: "access-secret-1", accessExpiresAt: Date(timeIntervalSince1970: 1_800_001_800), refreshToken: "refresh-secret-1")
        let second = CRMTokenPair(accessToken: "access-secret-2", accessExpiresAt: nil, refreshToken: "refresh-secret-2")

        #expect(try await self.store(ledger).store(first, replacing: nil))
        #expect(try await !self.store(ledger).store(second, replacing: "some-other-refresh-token"))
        #expect(try await self.store(ledger).load() == first)
        #expect(try await self.store(ledger).store(second, replacing: "refresh-secret-1"))
        #expect(try await self.store(ledger).load() == second)

        let raw = try #require(try await ledger.sealedTokenPair(self.store(ledger).slot.name))
        let bytes = String(decoding: raw.sealed, as: UTF8.self)
        #expect(!bytes.contains("access-secret-2") && !bytes.contains("refresh-secret-2"))
        #expect(!raw.refreshFingerprint.contains("refresh-secret-2"))
    }

    @Test("a new refresh token in the settings (a re-authorised connection) starts a fresh slot")
    func newGrantStartsFresh() async throws {
        let ledger = try SQLiteLedgerStore.inMemory()
        let pair = CRMTokenPair(accessToken: "a", accessExpiresAt: nil, refreshToken: "r")
        #expect(try await self.store(ledger).store(pair, replacing: nil))
        #expect(try await self.store(ledger, configured: "re-authorised-refresh-token").load() == nil)
    }

    @Test("a provider built after a restart uses the stored pair without refreshing")
    func providerAfterRestartUsesStoredPair() async throws {
        let ledger = try SQLiteLedgerStore.inMemory()
        let stored = CRMTokenPair(accessToken: "stored-access", accessExpiresAt: Date().addingTimeInterval(3600), refreshToken: "stored-refresh")
        #expect(try await self.store(ledger).store(stored, replacing: nil))

        // The token endpoint is unreachable: any refresh would fail the request.
        let registration = CRMOAuthClient.Registration(tokenURL: "http://127.0.0.1:9/oauth/v1/token", clientID: "id", clientSecret: "secret", clientAuthentication: .form)
        let http = ConnectorHTTPClient(httpClient: .shared, logger: Logger(label: "test"))
        let provider = CRMTokenProvider(
            client: CRMOAuthClient(registration: registration, http: http), store: self.store(ledger),
            initial: CRMTokenPair(accessToken: "", accessExpiresAt: nil, refreshToken: Self.configured)
        )

        #expect(try await provider.accessToken(operation: "test") == "stored-access")
    }

    @Test("the sealed credential keeps a static token as bare text and an OAuth grant as JSON")
    func storedCredentialRoundTrip() {
        #expect(StoredCRMCredential.token("pat-na1-abc").sealable == "pat-na1-abc")
        #expect(StoredCRMCredential(opened: "pat-na1-abc") == .token("pat-na1-abc"))
        let grant = CRMOAuthSettings(
            registration: .init(tokenURL: "https://api.hubapi.com/oauth/v1/token", clientID: "id", clientSecret: "secret", clientAuthentication: .form),
            refreshToken: "refresh"
        )
        let oauth = StoredCRMCredential.oauth(grant, accessToken: "")
        #expect(StoredCRMCredential(opened: oauth.sealable) == oauth)
    }
}
