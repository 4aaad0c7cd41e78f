import Foundation
import ScribeCore

/// A step applied to a hole's value after `|`, e.g. `mmss`, `default("Unknown")` or
/// `map(inbound: Inbound, outbound: Outbound)`.
struct TemplateFilter: Sendable, Hashable {
    /// The filters there are; ``TemplateFilter/reference`` documents them.
    enum Name: String, Sendable, Hashable, CaseIterable {
        case digits, upper, lower, trim, mmss, hhmmss, date, datetime, epoch, epochMilliseconds = "epoch_ms"
        case number, string, json, first, count, join, truncate, before, after, map
        case startsWith = "starts_with"
        case then
        case `default`
        case equals, not
    }

    enum Argument: Sendable, Hashable {
        /// A quoted text or a number.
        case literal(String)
        /// A bare word or dotted path: a variable for `default` and `equals`, plain text for `map` and `datetime`.
        case path([String])
        /// `key: value`, for `map`.
        case pair(String, String)

        var text: String {
            switch self {
            case .literal(let text): text
            case .path(let path): path.joined(separator: ".")
            case .pair(let key, let value): "\(key): \(value)"
            }
        }
    }

    let name: Name
    let arguments: [Argument]

    init(scanning scanner: inout TemplateScanner) throws(TemplateError) {
        guard let word = scanner.word() else { throw TemplateError("a filter name must follow '|'") }
        guard let name = Name(rawValue: word) else {
            let names = Name.allCases.map(\.rawValue)
            let hint = SpecReader.closest(to: word, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw TemplateError("'\(word)' is not a filter\(hint); the filters are \(names.joined(separator: ", "))")
        }
        self.name = name
        var arguments: [Argument] = []
        if scanner.skip("(") {
            if !scanner.skip(")") {
                repeat {
                    arguments.append(try TemplateFilter.argument(&scanner))
                } while scanner.skip(",")
                guard scanner.skip(")") else { throw TemplateError("'\(word)(' is never closed with ')'") }
            }
        }
        self.arguments = arguments
        try self.checkArity()
    }

    private static func argument(_ scanner: inout TemplateScanner) throws(TemplateError) -> Argument {
        let first: Argument
        if let quoted = try scanner.quoted() {
            first = .literal(quoted)
        } else if let path = scanner.path() {
            first = path.count == 1 && Double(path[0]) != nil ? .literal(path[0]) : .path(path)
        } else {
            throw TemplateError("expected an argument: a quoted text, a number or a variable")
        }
        guard scanner.skip(":") else { return first }
        let value = try scanner.quoted() ?? scanner.path()?.joined(separator: ".") ?? ""
        return .pair(first.text, value)
    }

    private func checkArity() throws(TemplateError) {
        let count = self.arguments.count
        let ok: Bool =
            switch self.name {
            case .default, .equals, .truncate, .before, .after, .startsWith, .then: count == 1
            case .join, .datetime: count <= 1
            case .map: count > 0 && self.arguments.allSatisfy { if case .pair = $0 { true } else { false } }
            default: count == 0
            }
        guard ok else { throw TemplateError("wrong arguments for '\(self.name.rawValue)'; \(TemplateFilter.reference[self.name] ?? "")") }
    }

    /// Variables read by the arguments.
    var roots: [String] {
        guard [.default, .equals, .then].contains(self.name) else { return [] }
        return self.arguments.compactMap { if case .path(let path) = $0 { path[0] } else { nil } }
    }

    func reads(_ prefix: [String]) -> Bool {
        guard [.default, .equals, .then].contains(self.name) else { return false }
        return self.arguments.contains { if case .path(let path) = $0 { path.starts(with: prefix) } else { false } }
    }

    func apply(to value: JSONValue, in context: JSONValue) throws(TemplateError) -> JSONValue {
        switch self.name {
        case .digits: return .string(value.text.filter(\.isNumber))
        case .upper: return .string(value.text.uppercased())
        case .lower: return .string(value.text.lowercased())
        case .trim: return .string(value.text.trimmingCharacters(in: .whitespacesAndNewlines))
        case .mmss, .hhmmss:
            let seconds = max(0, Int(try TemplateFilter.number(value, self.name).rounded()))
            if self.name == .mmss { return .string(String(format: "%02d:%02d", seconds / 60, seconds % 60)) }
            return .string(String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60))
        case .date:
            return .string(DatePattern("yyyy-MM-dd").string(try TemplateDates.date(value)))
        case .datetime:
            let pattern = self.arguments.first?.text ?? "yyyy-MM-dd'T'HH:mm:ssxxx"
            return .string(DatePattern(pattern).string(try TemplateDates.date(value)))
        case .epoch: return .number(try TemplateDates.date(value).timeIntervalSince1970.rounded(.down))
        case .epochMilliseconds: return .number((try TemplateDates.date(value).timeIntervalSince1970 * 1000).rounded(.down))
        case .number:
            if value.isEmpty { return .null }
            return .number(try TemplateFilter.number(value, self.name))
        case .string: return .string(value.text)
        case .json: return .string(value.jsonText)
        case .first: return value.elements.first ?? .null
        case .count: return .number(Double(value.elements.count))
        case .join:
            let separator = self.arguments.first?.text ?? ", "
            return .string(value.elements.map(\.text).filter { !$0.isEmpty }.joined(separator: separator))
        case .truncate:
            let limit = Int(self.arguments[0].text) ?? 0
            return .string(String(value.text.prefix(limit)))
        case .before:
            let text = value.text
            guard let range = text.range(of: self.arguments[0].text) else { return .string(text) }
            return .string(String(text[..<range.lowerBound]))
        case .after:
            let text = value.text
            guard let range = text.range(of: self.arguments[0].text) else { return .string("") }
            return .string(String(text[range.upperBound...]))
        case .startsWith:
            return .bool(value.text.hasPrefix(self.arguments[0].text))
        case .then:
            return TemplateFilter.isTrue(value) ? self.argumentValue(self.arguments[0], in: context) : .null
        case .map:
            for case .pair(let key, let replacement) in self.arguments where key == value.text {
                return .string(replacement)
            }
            return value
        case .default:
            guard value.isEmpty else { return value }
            return self.argumentValue(self.arguments[0], in: context)
        case .equals:
            return .bool(value.text == self.argumentValue(self.arguments[0], in: context).text)
        case .not:
            return .bool(!TemplateFilter.isTrue(value))
        }
    }

    private func argumentValue(_ argument: Argument, in context: JSONValue) -> JSONValue {
        switch argument {
        case .literal(let text): .string(text)
        case .path(let path): TemplateExpression.lookUp(path, in: context)
        case .pair: .null
        }
    }

    private static func number(_ value: JSONValue, _ name: Name) throws(TemplateError) -> Double {
        if case .number(let number) = value { return number }
        guard let number = Double(value.text.trimmingCharacters(in: .whitespaces)) else {
            throw TemplateError("'\(name.rawValue)' needs a number, got '\(value.text.prefix(40))'")
        }
        return number
    }

    /// What a condition (`when`, `more`) counts as true: anything but nothing, `false`, `0` and `"false"`.
    static func isTrue(_ value: JSONValue) -> Bool {
        switch value {
        case .bool(let flag): flag
        case .number(let number): number != 0
        case .string(let text): !text.isEmpty && text != "false" && text != "0"
        default: !value.isEmpty
        }
    }

    /// One line per filter, for error messages and the reference page.
    static let reference: [Name: String] = [
        .digits: "digits: only the digits", .upper: "upper: upper case", .lower: "lower: lower case", .trim: "trim: without surrounding spaces",
        .mmss: "mmss: seconds as mm:ss", .hhmmss: "hhmmss: seconds as hh:mm:ss", .date: "date: a time as yyyy-MM-dd (UTC)",
        .datetime: "datetime(\"pattern\"): a time in a Unicode date pattern (UTC); default yyyy-MM-dd'T'HH:mm:ssxxx",
        .epoch: "epoch: a time as Unix seconds", .epochMilliseconds: "epoch_ms: a time as Unix milliseconds",
        .number: "number: text as a number", .string: "string: any value as text", .json: "json: any value as JSON text",
        .first: "first: a list's first item", .count: "count: how many items a list has", .join: "join(\", \"): a list's items joined",
        .truncate: "truncate(n): at most n characters",
        .before: "before(\"x\"): the text before the first x (all of it when there is no x)",
        .after: "after(\"x\"): the text after the first x (nothing when there is no x)",
        .startsWith: "starts_with(\"x\"): true when the text starts with x",
        .then: "then(x): x when the value is true (not empty, false or 0), else nothing", .map: "map(a: b, c: d): replaces a by b, c by d; other values pass",
        .default: "default(x): x (a quoted text or a variable) when the value is empty",
        .equals: "equals(x): true when the value's text is x", .not: "not: true when the value is empty, false or 0",
    ]
}
