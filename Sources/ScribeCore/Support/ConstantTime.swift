/// Comparisons whose time does not depend on where two secrets differ.
public enum ConstantTime {
    /// True when `lhs` and `rhs` are equal, looking at every byte whatever the first difference.
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        self.equals(Array(lhs.utf8), Array(rhs.utf8))
    }

    /// True when the two byte strings are equal, looking at every byte whatever the first difference.
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0 && a.count == b.count
    }
}
