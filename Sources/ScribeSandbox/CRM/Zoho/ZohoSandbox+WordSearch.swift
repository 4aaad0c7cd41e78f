import Foundation

extension ZohoSandbox {
    /// True when `text` has `word` at the start of one of its words, ignoring case: `search?word=`
    /// finds "Alice Anders" by `alice`, `ANDERS` or `and`, but not by `nders`, and the marker
    /// `callscribe:abc123` inside "Renewal agreed [callscribe:abc123]" (Zoho's search matches words
    /// and their beginnings, not any run of letters [U: the exact tokenisation]).
    static func hasWord(_ word: String, in text: String) -> Bool {
        let needle = word.lowercased()
        let haystack = text.lowercased()
        guard !needle.isEmpty else { return false }
        var start = haystack.startIndex
        while let found = haystack.range(of: needle, range: start..<haystack.endIndex) {
            if found.lowerBound == haystack.startIndex { return true }
            let before = haystack[haystack.index(before: found.lowerBound)]
            if !(before.isLetter || before.isNumber) { return true }
            start = haystack.index(after: found.lowerBound)
        }
        return false
    }
}
