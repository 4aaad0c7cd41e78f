import Foundation
import GRDB
import ScribeCore

/// A sealed token pair as the ledger keeps it: the store never sees the tokens, only the sealed
/// bytes and a keyed fingerprint of the refresh token that serves as the compare-and-swap key.
public struct SealedTokenPair: Sendable, Hashable {
    public var sealed: [UInt8]
    public var refreshFingerprint: String

    public init(sealed: [UInt8], refreshFingerprint: String) {
        self.sealed = sealed
        self.refreshFingerprint = refreshFingerprint
    }
}

extension SQLiteLedgerStore {
    /// The token pair stored under `name`.
    public func sealedTokenPair(_ name: String) async throws -> SealedTokenPair? {
        try await self.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT sealed_pair, refresh_fingerprint FROM ringcentral_tokens WHERE name = ?", arguments: [name]).map {
                SealedTokenPair(sealed: [UInt8]($0["sealed_pair"] as Data), refreshFingerprint: $0["refresh_fingerprint"])
            }
        }
    }

    /// Stores `pair` under `name` if the stored one's refresh fingerprint is still `replacing` (nil:
    /// nothing stored). One statement, so two processes sharing the file cannot both win. Clears any claim.
    public func swapSealedTokenPair(_ name: String, to pair: SealedTokenPair, replacing: String?, now: Date) async throws -> Bool {
        try await self.writer.write { db in
            if let replacing {
                try db.execute(
                    sql: """
                        UPDATE ringcentral_tokens SET sealed_pair = ?, refresh_fingerprint = ?, refresh_claimed_until = NULL, updated_at = ?
                        WHERE name = ? AND refresh_fingerprint = ?
                        """,
                    arguments: [Data(pair.sealed), pair.refreshFingerprint, now.timeIntervalSince1970, name, replacing]
                )
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO ringcentral_tokens (name, sealed_pair, refresh_fingerprint, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (name) DO NOTHING
                        """,
                    arguments: [name, Data(pair.sealed), pair.refreshFingerprint, now.timeIntervalSince1970]
                )
            }
            return db.changesCount == 1
        }
    }

    /// Claims the right to spend the refresh token with `fingerprint` until `until`: true only if it
    /// is still the stored one and no other claim is live at `now`.
    public func claimTokenRefresh(_ name: String, fingerprint: String, until: Date, now: Date) async throws -> Bool {
        try await self.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE ringcentral_tokens SET refresh_claimed_until = ?
                    WHERE name = ? AND refresh_fingerprint = ? AND (refresh_claimed_until IS NULL OR refresh_claimed_until <= ?)
                    """,
                arguments: [until.timeIntervalSince1970, name, fingerprint, now.timeIntervalSince1970]
            )
            return db.changesCount == 1
        }
    }

    /// Moves the people made before the phone-system account was known (kept under `placeholder`)
    /// into `accountID`, once RingCentral has been connected.
    public func moveUsers(from placeholder: AccountID, to accountID: AccountID) async throws {
        try await self.writer.write { db in
            try db.execute(sql: "UPDATE users SET account_id = ? WHERE account_id = ?", arguments: [accountID.rawValue, placeholder.rawValue])
        }
    }
}
