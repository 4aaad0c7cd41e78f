/// HubSpot's free-text `query` as the sandbox reads it: split into words at spaces and punctuation,
/// every word of which must start a word of one of the searched texts, whatever the case. So
/// `"ali"` finds Alice, `"alice chen"` finds Alice Chen but not Alice Novak, and `"lice"` finds nobody.
struct SandboxTextQuery {
    /// The query's words, lowercased.
    let words: [Substring]

    init(_ text: String) {
        self.words = SandboxTextQuery.words(of: text)
    }

    /// A query of nothing but spaces or punctuation filters nothing out.
    var isEmpty: Bool { self.words.isEmpty }

    /// Whether every word of the query starts a word of one of `texts`.
    func matches(_ texts: [String]) -> Bool {
        let stored = texts.flatMap(SandboxTextQuery.words(of:))
        return self.words.allSatisfy { word in stored.contains { $0.hasPrefix(word) } }
    }

    /// `text` lowercased and cut at anything that is not a letter or a digit (`@` and `.` in an
    /// email cut it too, so `chen` finds `alice.chen@example.com`).
    static func words(of text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }
}
