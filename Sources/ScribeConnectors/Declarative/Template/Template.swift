import Foundation
import ScribeCore

/// Text with `{{ expression }}` holes, e.g. `/communications/{{record.id}}.json` or
/// `{{call.duration_seconds | mmss}}`.
///
/// A template never builds a request by pasting text: where the result goes decides how each hole's
/// value is escaped (``Escaping``), and in a JSON body a template that is one hole keeps its value's
/// JSON type, so a number stays a number and a quote in a caller's name stays inside its string.
struct Template: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case hole(TemplateExpression)
    }

    /// How a hole's value is made safe for where the text goes.
    enum Escaping: Sendable {
        /// As it is: the whole text is encoded later (query and form values) or goes into JSON.
        case none
        /// Percent-encoded as one URL path segment, so a value cannot add segments or a query.
        case pathSegment
        /// Refused when it holds a line break, so a value cannot add a header.
        case header
    }

    let parts: [Part]
    let source: String

    init(parsing source: String) throws(TemplateError) {
        self.source = source
        var parts: [Part] = []
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateError("'{{' is never closed with '}}' in \"\(source)\"")
            }
            parts.append(.hole(try TemplateExpression(parsing: String(rest[open.upperBound..<close.lowerBound]))))
            rest = rest[close.upperBound...]
        }
        if rest.contains("}}") { throw TemplateError("'}}' without an opening '{{' in \"\(source)\"") }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
    }

    /// A template of fixed text.
    init(literal text: String) {
        self.source = text
        self.parts = text.isEmpty ? [] : [.literal(text)]
    }

    /// The variables the template reads, e.g. `call` and `record`.
    var roots: Set<String> {
        Set(self.parts.flatMap { part -> [String] in
            if case .hole(let expression) = part { return expression.roots }
            return []
        })
    }

    /// True when the template reads `root.path…`, e.g. `phone.formatted`.
    func reads(_ path: [String]) -> Bool {
        self.parts.contains { part in
            if case .hole(let expression) = part { return expression.reads(path) }
            return false
        }
    }

    /// True when the template has no holes.
    var isLiteral: Bool { self.parts.allSatisfy { if case .literal = $0 { true } else { false } } }

    /// The value: a template that is a single hole gives its value with its JSON type; any other is text.
    func value(in context: JSONValue) throws(TemplateError) -> JSONValue {
        if self.parts.count == 1, case .hole(let expression) = self.parts[0] {
            return try expression.evaluate(in: context)
        }
        return .string(try self.render(in: context))
    }

    /// The text, each hole's value escaped for where the text goes.
    func render(in context: JSONValue, escaping: Escaping = .none) throws(TemplateError) -> String {
        var out = ""
        for part in self.parts {
            switch part {
            case .literal(let text):
                out += text
            case .hole(let expression):
                let text = try expression.evaluate(in: context).text
                switch escaping {
                case .none:
                    out += text
                case .pathSegment:
                    out += ConnectorHTTPClient.pathSegment(text)
                case .header:
                    if text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
                        throw TemplateError("\(expression.source) holds a line break, which a header cannot carry")
                    }
                    out += text
                }
            }
        }
        return out
    }
}
