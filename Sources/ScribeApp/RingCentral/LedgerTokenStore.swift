import Foundation
import ScribeStore
import ScribeTelephony

/// The authorization-code grant's token pair in the ledger, sealed with the ``SecretBox``, so the
/// server and CLI commands sharing the ledger share one pair and never both spend a refresh token.
struct LedgerTokenStore: RingCentralTokenStore {
    static let slot = "ringcentral"

    let ledger: SQLiteLedgerStore
    let secrets: SecretBox
    let now: @Sendable () -> Date

    private var sealedSlot: SealedTokenSlot<RingCentralTokenPair> {
        SealedTokenSlot(name: Self.slot, fingerprintPurpose: "ringcentral-refresh-fingerprint", ledger: self.ledger, secrets: self.secrets, now: self.now)
    }

    func load() async throws -> RingCentralTokenPair? {
        try await self.sealedSlot.load()
    }

    func store(_ pair: RingCentralTokenPair, replacing: String?) async throws -> Bool {
        try await self.sealedSlot.store(pair, refreshToken: pair.refreshToken, replacing: replacing)
    }

    func claimRefresh(of refreshToken: String, until: Date, now: Date) async throws -> Bool {
        try await self.sealedSlot.claimRefresh(of: refreshToken, until: until, now: now)
    }
}
