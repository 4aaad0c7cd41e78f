import Crypto
import Foundation
import ScribeStore

/// One named token pair in the ledger, sealed with the ``SecretBox``: the RingCentral grant's and each
/// OAuth CRM connection's. The ledger compares keyed fingerprints of refresh tokens (HMAC under a key
/// derived from the secret key for `fingerprintPurpose`), never the tokens themselves.
struct SealedTokenSlot<Pair: Codable>: Sendable {
    let name: String
    let fingerprintPurpose: String
    let ledger: SQLiteLedgerStore
    let secrets: SecretBox
    let now: @Sendable () -> Date

    func load() async throws -> Pair? {
        guard let stored = try await self.ledger.sealedTokenPair(self.name) else { return nil }
        return try JSONDecoder().decode(Pair.self, from: Data(self.secrets.open(stored.sealed).utf8))
    }

    /// Stores `pair`, whose refresh token is `refreshToken`, if the stored one's is still `replacing`.
    func store(_ pair: Pair, refreshToken: String, replacing: String?) async throws -> Bool {
        let json = String(decoding: try JSONEncoder().encode(pair), as: UTF8.self)
        let sealed = SealedTokenPair(sealed: try self.secrets.seal(json), refreshFingerprint: self.fingerprint(refreshToken))
        return try await self.ledger.swapSealedTokenPair(self.name, to: sealed, replacing: replacing.map(self.fingerprint), now: self.now())
    }

    func claimRefresh(of refreshToken: String, until: Date, now: Date) async throws -> Bool {
        try await self.ledger.claimTokenRefresh(self.name, fingerprint: self.fingerprint(refreshToken), until: until, now: now)
    }

    func fingerprint(_ refreshToken: String) -> String {
        SealedTokenSlot.fingerprint(refreshToken, purpose: self.fingerprintPurpose, secrets: self.secrets)
    }

    static func fingerprint(_ token: String, purpose: String, secrets: SecretBox) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(token.utf8), using: secrets.derivedKey(for: purpose))
        return Data(mac).map { String(format: "%02x", $0) }.joined()
    }
}
