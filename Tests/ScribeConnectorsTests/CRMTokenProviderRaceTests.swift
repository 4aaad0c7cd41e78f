import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Synchronization
import Testing

/// One refresh at a time, even for a caller that arrives while the new pair is being stored.
@Suite("CRM token refresh under concurrency", .sharedHTTPClient)
struct CRMTokenProviderRaceTests {
    /// A store whose writes wait until the test opens it, and which counts the writes that arrived.
    final class GatedStore: CRMTokenStore, Sendable {
        let inner = InMemoryCRMTokenStore()
        private let state = Mutex((open: false, arrivals: 0))

        var arrivals: Int { self.state.withLock { $0.arrivals } }

        func open() { self.state.withLock { $0.open = true } }

        func load() async throws -> CRMTokenPair? { try await self.inner.load() }

        func store(_ pair: CRMTokenPair, replacing: String?) async throws -> Bool {
            self.state.withLock { $0.arrivals += 1 }
            while !self.state.withLock({ $0.open }) { try await Task.sleep(for: .milliseconds(5)) }
            return try await self.inner.store(pair, replacing: replacing)
        }
    }

    @Test("a caller rejecting the old token while the refreshed pair is being stored gets the new token, without a second refresh")
    func joinsTheRefreshBeingStored() async throws {
        try await OAuthHarness.run(.hubspot) { harness in
            let initial = harness.grantedPair()
            let store = GatedStore()
            let provider = harness.provider(store: store, initial: initial)
            let first = Task { try await provider.refresh(rejecting: initial.accessToken, operation: "test.first") }
            while store.arrivals == 0 { try await Task.sleep(for: .milliseconds(5)) }
            // The refresh is done and its pair waits to be stored: a second caller with the old token.
            let second = Task { try await provider.refresh(rejecting: initial.accessToken, operation: "test.second") }
            try await Task.sleep(for: .milliseconds(50))
            store.open()
            let (a, b) = (try await first.value, try await second.value)
            #expect(a == b)
            #expect(a != initial.accessToken)
            #expect(harness.oauth.refreshCount == 1)
        }
    }
}
