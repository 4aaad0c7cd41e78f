import Foundation
import ScribeCore
import Testing

@Suite("StableHash")
struct StableHashTests {
    @Test("is 64-bit FNV-1a as 16 lower-case hex digits", arguments: [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")])
    func knownValues(text: String, hex: String) {
        #expect(StableHash.hex(text) == hex)
    }

    @Test("is stable and always 16 hex digits")
    func shape() {
        for text in ["Contact: Jane Doe", "<p><b>Notes</b>: é</p>", String(repeating: "x", count: 10_000)] {
            let hash = StableHash.hex(text)
            #expect(hash == StableHash.hex(text))
            #expect(hash.count == 16)
            #expect(hash.allSatisfy { "0123456789abcdef".contains($0) })
        }
        #expect(StableHash.hex("Contact: Jane Doe") != StableHash.hex("Contact: Jane Doe "))
    }
}
