import Crypto
import Foundation

/// Seals credentials for storage (AES-GCM) and derives the stable secrets Callscribe needs.
///
/// The key comes from configuration or from a key file made once in the data folder (mode 0600).
public struct SecretBox: Sendable {
    private let key: SymmetricKey

    public init(key: SymmetricKey) {
        self.key = key
    }

    /// The configured base64 key, or the data folder's key file, created on first use.
    public init(base64Key: String?, dataDirectory: URL) throws {
        if let base64Key {
            guard let data = Data(base64Encoded: base64Key), data.count == 32 else {
                throw ConfigurationError(setting: "CALLSCRIBE_SECRET_KEY", problem: "must be the base64 of exactly 32 bytes")
            }
            self.init(key: SymmetricKey(data: data))
            return
        }
        let file = dataDirectory.appendingPathComponent("secret.key")
        if let data = FileManager.default.contents(atPath: file.path) {
            guard let decoded = Data(base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)), decoded.count == 32
            else { throw ConfigurationError(setting: "CALLSCRIBE_SECRET_KEY", problem: "the key file \(file.path) is damaged") }
            self.init(key: SymmetricKey(data: decoded))
            return
        }
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let key = SymmetricKey(size: .bits256)
        let encoded = key.withUnsafeBytes { Data($0).base64EncodedString() }
        guard FileManager.default.createFile(atPath: file.path, contents: Data(encoded.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError(setting: "CALLSCRIBE_DATA_DIR", problem: "cannot write the key file \(file.path)")
        }
        self.init(key: key)
    }

    public func seal(_ secret: String) throws -> [UInt8] {
        guard let combined = try AES.GCM.seal(Data(secret.utf8), using: self.key).combined else {
            throw SecretBoxError.sealFailed
        }
        return [UInt8](combined)
    }

    public func open(_ sealed: [UInt8]) throws -> String {
        do {
            let box = try AES.GCM.SealedBox(combined: Data(sealed))
            return String(decoding: try AES.GCM.open(box, using: self.key), as: UTF8.self)
        } catch {
            throw SecretBoxError.openFailed
        }
    }

    /// A key of its own for `purpose` (HKDF-SHA256 over the secret key), so a key that signs
    /// something public never doubles as the key that seals credentials.
    public func derivedKey(for purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: self.key, info: Data(purpose.utf8), outputByteCount: 32)
    }

    /// A stable secret for `purpose`, derived from the key (e.g. the webhook Verification-Token).
    public func derivedToken(for purpose: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(purpose.utf8), using: self.key)
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Sealing failures; they never carry the secret.
public enum SecretBoxError: Error, Hashable, CustomStringConvertible {
    case sealFailed
    case openFailed

    public var description: String {
        switch self {
        case .sealFailed: "could not encrypt a credential"
        case .openFailed: "could not decrypt a stored credential: wrong CALLSCRIBE_SECRET_KEY or damaged data"
        }
    }
}
