import Foundation
import ScribeCore
import Testing

@Suite("ConstantTime")
struct ConstantTimeTests {
    @Test("equal strings are equal")
    func equal() {
        #expect(ConstantTime.equals("s3cret-token", "s3cret-token"))
        #expect(ConstantTime.equals("", ""))
    }

    @Test("strings differing anywhere, or only in length, are not equal")
    func different() {
        #expect(!ConstantTime.equals("s3cret-token", "s3cret-tokem"))
        #expect(!ConstantTime.equals("s3cret-token", "x3cret-token"))
        #expect(!ConstantTime.equals("s3cret", "s3cret-token"))
        #expect(!ConstantTime.equals("", "a"))
        // Lengths 256 apart truncate to the same byte; trailing NULs add no bit of difference.
        #expect(!ConstantTime.equals("", String(repeating: "\0", count: 256)))
    }

    @Test("equal byte strings are equal; bytes differing anywhere, or only in length, are not")
    func bytes() {
        let secret: [UInt8] = [0x00, 0x7f, 0x80, 0xff, 0x10]
        #expect(ConstantTime.equals(secret, secret))
        #expect(ConstantTime.equals([UInt8](), []))
        for index in secret.indices {
            var changed = secret
            changed[index] ^= 0x01
            #expect(!ConstantTime.equals(secret, changed), "differs at byte \(index)")
        }
        #expect(!ConstantTime.equals(secret, Array(secret.dropLast())))
        #expect(!ConstantTime.equals(secret, secret + [0]), "a trailing zero byte still makes it longer")
        #expect(!ConstantTime.equals([0], []))
        // Lengths 256 apart truncate to the same byte and zero bytes add no bit of difference.
        #expect(!ConstantTime.equals([UInt8](), [UInt8](repeating: 0, count: 256)))
    }
}
