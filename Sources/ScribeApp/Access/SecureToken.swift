import Crypto
import Foundation

/// Unguessable tokens (sessions, CSRF, API tokens) and the hashes the ledger keeps of them.
public enum SecureToken {
    /// 32 random bytes, base64url without padding: safe in cookies, headers and URLs.
    public static func make() -> String {
        Data(self.randomBytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 of the token, hex: what the ledger stores, so a copy of it lets nobody sign in.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        SymmetricKey(size: .init(bitCount: count * 8)).withUnsafeBytes { Array($0) }
    }
}
