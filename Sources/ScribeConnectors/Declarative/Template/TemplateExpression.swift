import Foundation
import ScribeCore

/// One `{{ … }}` hole: a path into the variables, then filters, e.g. `call.started_at | date`.
struct TemplateExpression: Sendable, Hashable {
    /// The variable path, root first: `["response", "data", "0", "id"]`.
    let path: [String]
    let filters: [TemplateFilter]
    let source: String

    init(parsing source: String) throws(TemplateError) {
        self.source = source.trimmingCharacters(in: .whitespaces)
        var scanner = TemplateScanner(self.source)
        guard let path = scanner.path() else {
            throw TemplateError("'{{\(source)}}' must start with a variable, e.g. {{call.subject}}")
        }
        self.path = path
        var filters: [TemplateFilter] = []
        while scanner.skip("|") {
            filters.append(try TemplateFilter(scanning: &scanner))
        }
        guard scanner.atEnd() else {
            throw TemplateError("cannot read '\(scanner.rest)' in '{{\(source)}}'; filters follow a '|'")
        }
        self.filters = filters
    }

    /// The variables read: the path's root and those of filter arguments.
    var roots: [String] {
        [self.path[0]] + self.filters.flatMap(\.roots)
    }

    func reads(_ prefix: [String]) -> Bool {
        self.path.starts(with: prefix) || self.filters.contains { $0.reads(prefix) }
    }

    func evaluate(in context: JSONValue) throws(TemplateError) -> JSONValue {
        var value = TemplateExpression.lookUp(self.path, in: context)
        for filter in self.filters {
            value = try filter.apply(to: value, in: context)
        }
        return value
    }

    /// The value at `path`; header names are matched without regard to case.
    static func lookUp(_ path: [String], in context: JSONValue) -> JSONValue {
        guard let root = path.first else { return .null }
        let rest = root == "headers" ? path.dropFirst().map { $0.lowercased() } : Array(path.dropFirst())
        return context[root].value(at: rest)
    }
}

/// Reads the small expression language: paths, filter names, and arguments.
struct TemplateScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        self.characters = Array(text)
    }

    mutating func atEnd() -> Bool {
        self.skipSpaces()
        return self.index >= self.characters.count
    }

    var rest: String { String(self.characters[min(self.index, self.characters.count)...]) }

    /// Consumes `symbol` (after spaces) when it is next.
    mutating func skip(_ symbol: Character) -> Bool {
        self.skipSpaces()
        guard self.index < self.characters.count, self.characters[self.index] == symbol else { return false }
        self.index += 1
        return true
    }

    /// A dotted path of words: `response.data.0.id`, `headers.retry-after`.
    mutating func path() -> [String]? {
        guard let first = self.word() else { return nil }
        var path = [first]
        while self.index < self.characters.count, self.characters[self.index] == "." {
            self.index += 1
            guard let next = self.word() else { return nil }
            path.append(next)
        }
        return path
    }

    /// A word of letters, digits, `_`, `-` and `$`.
    mutating func word() -> String? {
        self.skipSpaces()
        let start = self.index
        while self.index < self.characters.count, TemplateScanner.isWordCharacter(self.characters[self.index]) { self.index += 1 }
        return self.index > start ? String(self.characters[start..<self.index]) : nil
    }

    /// A quoted string, `"…"` or `'…'`, with `\` escaping the quote.
    mutating func quoted() throws(TemplateError) -> String? {
        self.skipSpaces()
        guard self.index < self.characters.count, ["\"", "'"].contains(self.characters[self.index]) else { return nil }
        let quote = self.characters[self.index]
        self.index += 1
        var out = ""
        while self.index < self.characters.count {
            let character = self.characters[self.index]
            self.index += 1
            if character == "\\", self.index < self.characters.count {
                out.append(self.characters[self.index])
                self.index += 1
            } else if character == quote {
                return out
            } else {
                out.append(character)
            }
        }
        throw TemplateError("a quoted argument is never closed")
    }

    private mutating func skipSpaces() {
        while self.index < self.characters.count, self.characters[self.index] == " " { self.index += 1 }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "$"
    }
}
