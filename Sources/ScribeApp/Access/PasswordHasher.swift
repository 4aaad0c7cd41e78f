import Crypto
import CryptoExtras
import Foundation
import ScribeCore

/// Stores passwords as scrypt hashes (`scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`), slow on purpose so a
/// stolen ledger does not give the passwords away cheaply.
public struct PasswordHasher: Sendable {
    /// log2 of scrypt's cost; 15 takes about 0.1 s and 32 MiB here. Tests use a cheaper cost.
    public var costLog2: Int
    public var blockSize: Int
    public var parallelism: Int

    public static let minimumLength = 10
    public static let maximumLength = 1024

    /// Values are kept within what ``verify(_:against:)`` accepts (cost 2^1 … 2^20, block size and parallelism 1 … 64), so every hash made verifies.
    public init(costLog2: Int = 15, blockSize: Int = 8, parallelism: Int = 1) {
        self.costLog2 = min(max(costLog2, 1), 20)
        self.blockSize = min(max(blockSize, 1), 64)
        self.parallelism = min(max(parallelism, 1), 64)
    }

    /// A fresh salted hash of `password`.
    public func hash(_ password: String) throws -> String {
        let salt = SecureToken.randomBytes(16)
        let derived = try Self.derive(password, salt: salt, costLog2: self.costLog2, blockSize: self.blockSize, parallelism: self.parallelism)
        return ["scrypt", "\(self.costLog2)", "\(self.blockSize)", "\(self.parallelism)", Data(salt).base64EncodedString(), derived.base64EncodedString()]
            .joined(separator: "$")
    }

    /// Whether `password` matches `stored`, with the cost `stored` was made with; compared in constant time.
    public func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let cost = Int(parts[1]), let block = Int(parts[2]), let parallel = Int(parts[3]),
            // Bounded so that a damaged hash is refused rather than trap in scrypt (a negative size, an overflowing memory need).
            (1...20).contains(cost), (1...64).contains(block), (1...64).contains(parallel),
            let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]),
            let derived = try? Self.derive(password, salt: [UInt8](salt), costLog2: cost, blockSize: block, parallelism: parallel)
        else { return false }
        return ConstantTime.equals([UInt8](derived), [UInt8](expected))
    }

    /// Refuses passwords too short to resist guessing or too long to hash.
    public static func validate(_ password: String) throws(PeopleError) {
        guard password.count >= Self.minimumLength else {
            throw .invalidField("password", "must be at least \(Self.minimumLength) characters")
        }
        guard password.utf8.count <= Self.maximumLength else {
            throw .invalidField("password", "must be at most \(Self.maximumLength) bytes")
        }
    }

    private static func derive(_ password: String, salt: [UInt8], costLog2: Int, blockSize: Int, parallelism: Int) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: 1 << costLog2, blockSize: blockSize, parallelism: parallelism
        )
        return key.withUnsafeBytes { Data($0) }
    }
}
