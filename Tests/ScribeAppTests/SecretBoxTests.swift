import Foundation
import ScribeApp
import Testing

@Suite("SecretBox")
struct SecretBoxTests {
    /// Base64 of 32 bytes 0x01…0x20, and of 32 bytes 0xff.
    static let keyA = Data((1...32).map { UInt8($0) }).base64EncodedString()
    static let keyB = Data(repeating: 0xff, count: 32).base64EncodedString()
    static let nowhere = URL(fileURLWithPath: "/nonexistent/callscribe", isDirectory: true)

    @Test("opening what it sealed gives back the secret")
    func roundTrip() throws {
        let box = try SecretBox(base64Key: Self.keyA, dataDirectory: Self.nowhere)
        for secret in ["pat-na1-0b6e-4c1a", "", "ünïcødé 🔑 secret"] {
            #expect(try box.open(try box.seal(secret)) == secret)
        }
    }

    @Test("sealed bytes do not contain the plaintext, and sealing twice differs")
    func sealedIsOpaque() throws {
        let box = try SecretBox(base64Key: Self.keyA, dataDirectory: Self.nowhere)
        let secret = "pat-na1-plaintext-marker-0123456789"
        let sealed = try box.seal(secret)
        let plaintext = [UInt8](secret.utf8)
        #expect(sealed.count > plaintext.count)
        let containsPlaintext = sealed.indices.dropLast(plaintext.count - 1).contains { start in
            sealed[start..<start + plaintext.count].elementsEqual(plaintext)
        }
        #expect(!containsPlaintext)
        #expect(try box.seal(secret) != sealed, "a fresh nonce each time")
    }

    @Test("opening with another key fails with openFailed")
    func wrongKey() throws {
        let sealed = try SecretBox(base64Key: Self.keyA, dataDirectory: Self.nowhere).seal("secret")
        let other = try SecretBox(base64Key: Self.keyB, dataDirectory: Self.nowhere)
        #expect(throws: SecretBoxError.openFailed) { try other.open(sealed) }
        #expect(throws: SecretBoxError.openFailed) { try other.open([1, 2, 3]) }
    }

    @Test("without a configured key, makes secret.key with mode 0600 once and reuses it")
    func keyFile() async throws {
        try await withTemporaryDirectory { directory in
            let dataDirectory = directory.appendingPathComponent("data", isDirectory: true)
            let first = try SecretBox(base64Key: nil, dataDirectory: dataDirectory)
            let file = dataDirectory.appendingPathComponent("secret.key").path
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let contents = try #require(FileManager.default.contents(atPath: file))
            #expect(Data(base64Encoded: String(decoding: contents, as: UTF8.self))?.count == 32)

            let second = try SecretBox(base64Key: nil, dataDirectory: dataDirectory)
            #expect(try second.open(try first.seal("across restarts")) == "across restarts")
            #expect(try FileManager.default.contents(atPath: file) == contents, "the key file is not rewritten")
        }
    }

    @Test("a damaged key file is an error naming CALLSCRIBE_SECRET_KEY")
    func damagedKeyFile() async throws {
        try await withTemporaryDirectory { directory in
            try Data("not a key".utf8).write(to: directory.appendingPathComponent("secret.key"))
            let error = try #require(throws: ConfigurationError.self) {
                try SecretBox(base64Key: nil, dataDirectory: directory)
            }
            #expect(error.setting == "CALLSCRIBE_SECRET_KEY")
        }
    }

    @Test("a configured key that is not base64 of 32 bytes is an error naming CALLSCRIBE_SECRET_KEY", arguments: ["%%%not-base64", Data(count: 16).base64EncodedString(), ""])
    func badBase64Key(key: String) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try SecretBox(base64Key: key, dataDirectory: Self.nowhere)
        }
        #expect(error.setting == "CALLSCRIBE_SECRET_KEY")
    }

    @Test("a derived token is stable for a key and differs between purposes and keys")
    func derivedToken() throws {
        let box = try SecretBox(base64Key: Self.keyA, dataDirectory: Self.nowhere)
        let again = try SecretBox(base64Key: Self.keyA, dataDirectory: Self.nowhere)
        let other = try SecretBox(base64Key: Self.keyB, dataDirectory: Self.nowhere)
        let token = box.derivedToken(for: "ringcentral-webhook-verification")
        #expect(again.derivedToken(for: "ringcentral-webhook-verification") == token)
        #expect(box.derivedToken(for: "another-purpose") != token)
        #expect(other.derivedToken(for: "ringcentral-webhook-verification") != token)
        #expect(token.count == 43, "unpadded base64url of 32 bytes")
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }
}
