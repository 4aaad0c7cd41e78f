/// Splits the clauses of a SOQL query or SOSL search into tokens.
struct SalesforceSandboxLexer {
    enum Token: Equatable {
        case word(String)
        case string(String)
        case symbol(Character)

        /// Whether this is the keyword `keyword`, case-insensitively.
        func isKeyword(_ keyword: String) -> Bool {
            if case .word(let word) = self { return word.uppercased() == keyword }
            return false
        }

        var word: String? {
            if case .word(let word) = self { return word }
            return nil
        }
    }

    /// The tokens of `text`, or a description of what could not be read.
    static func tokens(_ text: Substring) -> Result<[Token], LexError> {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if character.isLetter || character.isNumber || character == "_" {
                let start = index
                while index < text.endIndex, text[index].isLetter || text[index].isNumber || text[index] == "_" || text[index] == "." {
                    index = text.index(after: index)
                }
                tokens.append(.word(String(text[start..<index])))
            } else if character == "'" {
                switch SalesforceSandboxLexer.stringLiteral(text, from: index) {
                case .success(let (value, end)):
                    tokens.append(.string(value))
                    index = end
                case .failure(let error):
                    return .failure(error)
                }
            } else if "(),=".contains(character) {
                tokens.append(.symbol(character))
                index = text.index(after: index)
            } else {
                return .failure(LexError(message: "unexpected token: '\(character)'"))
            }
        }
        return .success(tokens)
    }

    struct LexError: Error {
        var message: String
    }

    /// The value of the SOQL string literal opening at `start`, and the index after its closing quote.
    private static func stringLiteral(_ text: Substring, from start: Substring.Index) -> Result<(String, Substring.Index), LexError> {
        var value = ""
        var index = text.index(after: start)
        while index < text.endIndex {
            let character = text[index]
            if character == "'" { return .success((value, text.index(after: index))) }
            if character == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { break }
                switch text[index] {
                case "n", "N": value.append("\n")
                case "r", "R": value.append("\r")
                case "t", "T": value.append("\t")
                case "b", "B": value.append("\u{08}")
                case "f", "F": value.append("\u{0C}")
                case "\"": value.append("\"")
                case "'": value.append("'")
                case "\\": value.append("\\")
                default: return .failure(LexError(message: "Invalid string literal: illegal escape sequence \\\(text[index])"))
                }
            } else {
                value.append(character)
            }
            index = text.index(after: index)
        }
        return .failure(LexError(message: "unterminated string literal"))
    }
}
