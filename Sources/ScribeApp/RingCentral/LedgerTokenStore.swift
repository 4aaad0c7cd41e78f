import Crypto
import Foundation
import ScribeStore
import ScribeTelephony

/// The authorization-code grant's token pair in the ledger, sealed with the ``SecretBox``, so the
/// server and CLI commands sharing the ledger share one pair and never both spend a refresh token.
///
/// The ledger compares keyed fingerprints of refresh tokens (HMAC under a key of its own derived
/// from the secret key), never the tokens themselves.
struct LedgerTokenStore: RingCentralTokenStore {
    static let slot = "ringcentral"

    let ledger: SQLiteLedgerStore
    let secrets: SecretBox
    let now: @Sendable () -> Date

    func load() async throws -> RingCentralTokenPair? {
        guard let stored = try await self.ledger.sealedTokenPair(Self.slot) else { return nil }
        return try JSONDecoder().decode(RingCentralTokenPair.self, from: Data(self.secrets.open(stored.sealed).utf8))
    }

    func store(_ pair: RingCentralTokenPair, replacing: String?) async throws -> Bool {
        let json = String(decoding: try JSONEncoder().encode(pair), as: UTF8.self)
        let sealed = SealedTokenPair(sealed: try self.secrets.seal(json), refreshFingerprint: self.fingerprint(pair.refreshToken))
        return try await self.ledger.swapSealedTokenPair(Self.slot, to: sealed, replacing: replacing.map(self.fingerprint), now: self.now())
    }

    func claimRefresh(of refreshToken: String, until: Date, now: Date) async throws -> Bool {
        try await self.ledger.claimTokenRefresh(Self.slot, fingerprint: self.fingerprint(refreshToken), until: until, now: now)
    }

    private func fingerprint(_ refreshToken: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(refreshToken.utf8), using: self.secrets.derivedKey(for: "ringcentral-refresh-fingerprint"))
        return Data(mac).map { String(format: "%02x", $0) }.joined()
    }
}
