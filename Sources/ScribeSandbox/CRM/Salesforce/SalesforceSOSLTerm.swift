/// The `{…}` of a SOSL `FIND`, read as Salesforce's search engine reads it: words split at spaces and
/// punctuation, `*` (any run of characters) and `?` (one character) as wildcards, and every other
/// reserved character an error unless escaped with a backslash (Salesforce's SOSL guide: "An error
/// occurs if you do not precede reserved characters with a backslash"). An escaped character stands
/// for itself, which for punctuation means a word break, as in the indexed text.
///
/// Logical operators (`AND`, `OR`, `AND NOT`) are not understood: every word must match, SOSL's default.
struct SalesforceSOSLTerm: Equatable {
    enum Element: Equatable {
        case character(Character)
        /// `*`: any run of characters, none included (`john*` finds John).
        case anyRun
        /// `?`: exactly one character.
        case anyOne
    }

    /// The term with escapes removed and wildcards as written, for the length check and phone digits.
    var text: String
    /// The words every one of which must match a word of the searched field, lowercased.
    var words: [[Element]]

    /// Reserved characters that mean nothing unescaped in this sandbox's SOSL: Salesforce refuses them.
    /// (`*` and `?` are wildcards, `"`, `(` and `)` phrase and grouping marks, read here as word breaks.)
    static let refusedUnescaped: Set<Character> = ["&", "|", "!", "{", "[", "]", "^", "~", ":", "'", "+", "-"]

    /// Reads the term from just after `{` up to its closing `}`; returns the term and what follows the brace.
    static func parse(_ text: Substring) throws(SalesforceSandboxError) -> (SalesforceSOSLTerm, Substring) {
        var rest = text
        var term = SalesforceSOSLTerm(text: "", words: [])
        var word: [Element] = []
        func endWord() {
            // A word of wildcards alone matches nothing on its own; Salesforce ignores it too.
            if word.contains(where: { if case .character = $0 { true } else { false } }) { term.words.append(word) }
            word = []
        }
        while let character = rest.first {
            rest = rest.dropFirst()
            switch character {
            case "}":
                endWord()
                return (term, rest)
            case "\\":
                guard let escaped = rest.first else { throw .malformedSearch("unterminated search term: missing '}'") }
                rest = rest.dropFirst()
                term.text.append(escaped)
                if escaped.isLetter || escaped.isNumber { word += String(escaped).lowercased().map(Element.character) } else { endWord() }
            case "*":
                term.text.append(character)
                word.append(.anyRun)
            case "?":
                term.text.append(character)
                word.append(.anyOne)
            default:
                if SalesforceSOSLTerm.refusedUnescaped.contains(character) {
                    throw .malformedSearch("unexpected token: '\(character)' is a reserved character; escape it with a backslash")
                }
                term.text.append(character)
                if character.isLetter || character.isNumber { word += String(character).lowercased().map(Element.character) } else { endWord() }
            }
        }
        throw .malformedSearch("unterminated search term: missing '}'")
    }

    /// Whether every word of the term matches a word of one of `texts` (split at spaces and punctuation).
    func matches(_ texts: [String]) -> Bool {
        let stored = texts.flatMap(SandboxTextQuery.words(of:)).map(Array.init)
        return !self.words.isEmpty && self.words.allSatisfy { pattern in stored.contains { SalesforceSOSLTerm.glob(pattern[...], $0[...]) } }
    }

    static func glob(_ pattern: ArraySlice<Element>, _ word: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return word.isEmpty }
        switch first {
        case .character(let character):
            return word.first == character && glob(pattern.dropFirst(), word.dropFirst())
        case .anyOne:
            return !word.isEmpty && glob(pattern.dropFirst(), word.dropFirst())
        case .anyRun:
            var rest = word
            while true {
                if glob(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
    }
}
