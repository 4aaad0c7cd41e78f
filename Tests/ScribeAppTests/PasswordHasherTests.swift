import Foundation
import ScribeApp
import Testing

@Suite("PasswordHasher")
struct PasswordHasherTests {
    static let cheap = PasswordHasher(costLog2: 4)

    @Test("verifies the right password and refuses a wrong one")
    func verify() throws {
        let stored = try Self.cheap.hash("correct horse battery")
        #expect(Self.cheap.verify("correct horse battery", against: stored))
        #expect(!Self.cheap.verify("correct horse batterY", against: stored))
        #expect(!Self.cheap.verify("", against: stored))
        #expect(!stored.contains("correct horse battery"))
    }

    @Test("stores the parameters and a fresh salt: the same password hashes differently each time")
    func salted() throws {
        let first = try Self.cheap.hash("correct horse battery")
        let second = try Self.cheap.hash("correct horse battery")
        #expect(first != second)
        let parts = first.split(separator: "$").map(String.init)
        #expect(parts.count == 6)
        #expect(Array(parts.prefix(4)) == ["scrypt", "4", "8", "1"])
        #expect(Data(base64Encoded: parts[4])?.count == 16, "a 16-byte salt")
        #expect(Data(base64Encoded: parts[5])?.count == 32, "a 32-byte key")
        #expect(parts[4] != second.split(separator: "$").map(String.init)[4])
        #expect(Self.cheap.verify("correct horse battery", against: second))
    }

    @Test("a hash made at one cost still verifies after the cost is changed")
    func costChange() throws {
        let old = try Self.cheap.hash("correct horse battery")
        let raised = PasswordHasher(costLog2: 6)
        #expect(raised.verify("correct horse battery", against: old))
        #expect(!raised.verify("wrong horse battery", against: old))
        let new = try raised.hash("correct horse battery")
        #expect(new.hasPrefix("scrypt$6$"))
        #expect(Self.cheap.verify("correct horse battery", against: new))
    }

    @Test("the default cost hashes and verifies")
    func defaultCost() throws {
        let hasher = PasswordHasher()
        #expect(hasher.costLog2 == 15)
        let stored = try hasher.hash("correct horse battery")
        #expect(stored.hasPrefix("scrypt$15$8$1$"))
        #expect(hasher.verify("correct horse battery", against: stored))
        #expect(Self.cheap.verify("correct horse battery", against: stored), "the stored cost is used, not the verifier's")
    }

    static let salt = "AAAAAAAAAAAAAAAAAAAAAA=="
    static let key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

    @Test(
        "a stored hash that is not a well-formed scrypt hash verifies nothing, and does not crash",
        arguments: [
            "", "garbage", "scrypt", "scrypt$4$8$1$\(salt)", "bcrypt$4$8$1$\(salt)$\(key)", "scrypt$x$8$1$\(salt)$\(key)",
            "scrypt$4$8$1$not base64!$\(key)", "scrypt$4$8$1$\(salt)$not base64!", "scrypt$0$8$1$\(salt)$\(key)", "scrypt$21$8$1$\(salt)$\(key)",
            "scrypt$-4$8$1$\(salt)$\(key)", "scrypt$4$0$1$\(salt)$\(key)", "scrypt$4$8$0$\(salt)$\(key)", "scrypt$4$-8$1$\(salt)$\(key)",
            "scrypt$4$8$-1$\(salt)$\(key)", "scrypt$20$9223372036854775807$1$\(salt)$\(key)", "scrypt$4$8$9223372036854775807$\(salt)$\(key)",
            "scrypt$4$8$1$\(salt)$\(key)$extra",
        ]
    )
    func garbage(stored: String) {
        #expect(!Self.cheap.verify("correct horse battery", against: stored))
    }

    @Test("a hash's key is checked in full: a truncated one does not verify")
    func truncatedKey() throws {
        let stored = try Self.cheap.hash("correct horse battery")
        var parts = stored.split(separator: "$").map(String.init)
        parts[5] = Data(try #require(Data(base64Encoded: parts[5])).prefix(16)).base64EncodedString()
        #expect(!Self.cheap.verify("correct horse battery", against: parts.joined(separator: "$")))
    }

    @Test("refuses passwords too short or too long, naming the password field")
    func validate() throws {
        try PasswordHasher.validate(String(repeating: "a", count: PasswordHasher.minimumLength))
        try PasswordHasher.validate(String(repeating: "a", count: PasswordHasher.maximumLength))
        for bad in ["", "short", String(repeating: "a", count: PasswordHasher.minimumLength - 1), String(repeating: "a", count: PasswordHasher.maximumLength + 1)] {
            let error = try #require(throws: PeopleError.self) { try PasswordHasher.validate(bad) }
            #expect(error.invalidField == "password")
        }
    }
}
