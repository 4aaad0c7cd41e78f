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
}
