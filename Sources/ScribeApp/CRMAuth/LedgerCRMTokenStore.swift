import Foundation
import ScribeConnectors
import ScribeCore
import ScribeStore

/// An OAuth CRM connection's token pair in the ledger, sealed, beside the RingCentral pair (same table,
/// same compare-and-swap), so a restart or a CLI command uses the pair the last refresh bought.
///
/// The slot is named after the connection and a fingerprint of the refresh token in the settings:
/// configuring a new grant (after re-authorising) starts a new slot instead of meeting the old pair.
struct LedgerCRMTokenStore: CRMTokenStore {
    let slot: SealedTokenSlot<CRMTokenPair>

    init(connection: ConnectionID, configuredRefreshToken: String, ledger: SQLiteLedgerStore, secrets: SecretBox, now: @escaping @Sendable () -> Date) {
        let grant = SealedTokenSlot<CRMTokenPair>.fingerprint(configuredRefreshToken, purpose: "crm-grant-fingerprint", secrets: secrets).prefix(16)
        self.slot = SealedTokenSlot(
            name: "crm.\(connection.rawValue).\(grant)", fingerprintPurpose: "crm-refresh-fingerprint", ledger: ledger, secrets: secrets, now: now
        )
    }

    func load() async throws -> CRMTokenPair? {
        try await self.slot.load()
    }

    func store(_ pair: CRMTokenPair, replacing: String?) async throws -> Bool {
        try await self.slot.store(pair, refreshToken: pair.refreshToken, replacing: replacing)
    }
}
