import Crypto
import Foundation
import ScribeApp
import Testing

@Suite("Recording link signatures")
struct RecordingLinkSignerTests {
    static let box = try! SecretBox(base64Key: SecretBoxTests.keyA, dataDirectory: SecretBoxTests.nowhere)
    static let signer = RecordingLinkSigner(secrets: box)

    @Test("a signature checks for its own account and recording, and is stable")
    func roundTrip() {
        let signature = Self.signer.signature(accountID: "400131404008", recordingID: "3045617016")
        #expect(Self.signer.isValid(signature, accountID: "400131404008", recordingID: "3045617016"))
        #expect(RecordingLinkSigner(secrets: Self.box).signature(accountID: "400131404008", recordingID: "3045617016") == signature)
        #expect(signature.count == 43 && !signature.contains("=") && !signature.contains("+") && !signature.contains("/"), "URL-safe: \(signature)")
    }

    @Test("another recording or account has another signature, and this one is refused for it")
    func differentRecording() {
        let signature = Self.signer.signature(accountID: "400131404008", recordingID: "3045617016")
        #expect(Self.signer.signature(accountID: "400131404008", recordingID: "3045617017") != signature)
        #expect(!Self.signer.isValid(signature, accountID: "400131404008", recordingID: "3045617017"))
        #expect(!Self.signer.isValid(signature, accountID: "400131404009", recordingID: "3045617016"))
        // The boundary between the ids is part of what is signed.
        #expect(!Self.signer.isValid(signature, accountID: "4001314040083", recordingID: "045617016"))
    }

    @Test("a tampered, truncated, padded or empty signature is refused")
    func tampered() {
        let signature = Self.signer.signature(accountID: "1", recordingID: "2")
        var flipped = Array(signature)
        flipped[10] = flipped[10] == "A" ? "B" : "A"
        for candidate in [String(flipped), String(signature.dropLast()), signature + "=", signature + "A", "", String(repeating: "A", count: 43)] {
            #expect(!Self.signer.isValid(candidate, accountID: "1", recordingID: "2"), "\(candidate)")
        }
    }

    @Test("the link key is derived for links alone: another secret key, another signature; not a plain HMAC under the secret key")
    func separateKey() throws {
        let other = RecordingLinkSigner(secrets: try SecretBox(base64Key: SecretBoxTests.keyB, dataDirectory: SecretBoxTests.nowhere))
        #expect(other.signature(accountID: "1", recordingID: "2") != Self.signer.signature(accountID: "1", recordingID: "2"))
        let rawKey = SymmetricKey(data: try #require(Data(base64Encoded: SecretBoxTests.keyA)))
        #expect(RecordingLinkSigner(key: rawKey).signature(accountID: "1", recordingID: "2") != Self.signer.signature(accountID: "1", recordingID: "2"))
    }
}
