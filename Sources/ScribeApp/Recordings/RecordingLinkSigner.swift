import Crypto
import Foundation

/// Signs and checks the `sig` of a recording link, so a link in a CRM record plays that one
/// recording of that one account and no other link can be guessed or made by editing it.
///
/// The signature is an HMAC-SHA256 under a key derived for this purpose alone. Links do not
/// expire: they live in CRM records for as long as the records do.
public struct RecordingLinkSigner: Sendable {
    /// The HKDF label of the link key; changing it invalidates every link already written.
    static let purpose = "callscribe recording links v1"

    private let key: SymmetricKey

    public init(key: SymmetricKey) {
        self.key = key
    }

    /// Signs with a key derived from the server's secret key.
    public init(secrets: SecretBox) {
        self.init(key: secrets.derivedKey(for: Self.purpose))
    }

    /// The URL-safe base64 signature of one recording of one account.
    public func signature(accountID: String, recordingID: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Self.message(accountID: accountID, recordingID: recordingID), using: self.key)
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether `signature` is this recording's, compared in constant time.
    public func isValid(_ signature: String, accountID: String, recordingID: String) -> Bool {
        guard let mac = Self.decode(signature) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Self.message(accountID: accountID, recordingID: recordingID), using: self.key)
    }

    /// Each part is length-prefixed, so no two (account, recording) pairs sign the same bytes.
    private static func message(accountID: String, recordingID: String) -> Data {
        Data("\(accountID.utf8.count):\(accountID)\(recordingID.utf8.count):\(recordingID)".utf8)
    }

    private static func decode(_ signature: String) -> Data? {
        guard signature.count == 43, signature.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        let standard = signature.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "="
        return Data(base64Encoded: standard)
    }
}
