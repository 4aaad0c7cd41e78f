/// Salesforce record ids: a 3-character key prefix (`003` Contact, `00Q` Lead, `00T` Task), an
/// instance and reserved part, a counter, and the 3-character case checksum of 18-character ids.
enum SalesforceSandboxID {
    static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// The 18-character id of record `number` with `keyPrefix`.
    static func make(keyPrefix: String, number: Int) -> String {
        var counter = ""
        var value = number
        repeat {
            counter.insert(SalesforceSandboxID.base62[value % 62], at: counter.startIndex)
            value /= 62
        } while value > 0
        let padded = String(repeating: "0", count: max(0, 5 - counter.count)) + counter
        let id15 = keyPrefix + "5g00000" + padded.suffix(5)
        return id15 + SalesforceSandboxID.checksum(id15)
    }

    /// The suffix that makes a 15-character id case-insensitively unique: for each block of five
    /// characters, a letter of `A…Z0…5` whose bits mark the block's capital letters.
    static func checksum(_ id15: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")
        let characters = Array(id15)
        return String((0..<3).map { block in
            var bits = 0
            for offset in 0..<5 where characters[block * 5 + offset].isUppercase && characters[block * 5 + offset].isASCII {
                bits |= 1 << offset
            }
            return alphabet[bits]
        })
    }

    /// The 15-character form of a well-formed 15- or 18-character id, or `nil` for anything else.
    static func canonical(_ id: String) -> String? {
        guard id.count == 15 || id.count == 18, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let id15 = String(id.prefix(15))
        if id.count == 18, id.suffix(3).uppercased() != SalesforceSandboxID.checksum(id15) { return nil }
        return id15
    }
}
