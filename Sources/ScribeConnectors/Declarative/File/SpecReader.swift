import Foundation

/// Reads a connector file's tree into its typed description, collecting every problem instead of
/// stopping at the first, so that `connectors check` can name them all at once.
final class SpecReader {
    private(set) var problems: [ConnectorFileProblem] = []
    /// The declared inputs and lookups, once known: templates naming others are reported at their line.
    var inputs: Set<String>?
    var lookups: Set<String>?

    func report(_ problem: ConnectorFileProblem) {
        self.problems.append(problem)
    }

    func report(_ node: SpecNode, _ message: String) {
        self.report(node.problem(message))
    }

    /// The members of a mapping, after checking that only `allowed` keys appear and `required` ones do.
    func map(_ node: SpecNode, allowed: [String], required: [String] = []) -> SpecMap? {
        guard case .map(let members) = node.value else {
            self.report(node, "expected a mapping (key: value lines), found \(node.kindName)")
            return nil
        }
        for member in members where !allowed.contains(member.key) {
            let hint = SpecReader.closest(to: member.key, in: allowed).map { "; did you mean '\($0)'?" } ?? "; expected one of \(allowed.joined(separator: ", "))"
            self.report(ConnectorFileProblem(line: member.keyLine, column: member.keyColumn, path: node.path, message: "unknown key '\(member.key)'\(hint)"))
        }
        for key in required where !members.contains(where: { $0.key == key }) {
            self.report(node, "'\(key)' is missing")
        }
        return SpecMap(node: node, members: members)
    }

    /// A list's items; a single item written without a list counts as a list of one.
    func list(_ node: SpecNode) -> [SpecNode] {
        if case .list(let items) = node.value { return items }
        return [node]
    }

    /// A scalar's text.
    func text(_ node: SpecNode) -> String? {
        guard let text = node.scalarText else {
            self.report(node, "expected a value, found \(node.kindName)")
            return nil
        }
        return text
    }

    /// A whole number within `range`.
    func integer(_ node: SpecNode, in range: ClosedRange<Int>) -> Int? {
        guard let text = self.text(node) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            self.report(node, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'")
            return nil
        }
        return value
    }

    /// One of `choices`.
    func choice<Choice: RawRepresentable & CaseIterable>(_ node: SpecNode, as type: Choice.Type) -> Choice? where Choice.RawValue == String {
        guard let text = self.text(node) else { return nil }
        guard let value = Choice(rawValue: text) else {
            let names = Choice.allCases.map(\.rawValue)
            let hint = SpecReader.closest(to: text, in: names).map { "; did you mean '\($0)'?" } ?? ""
            self.report(node, "'\(text)' is not one of \(names.joined(separator: ", "))\(hint)")
            return nil
        }
        return value
    }

    /// A template whose variables must come from `scope`.
    func template(_ node: SpecNode, scope: TemplateScope) -> Template? {
        guard let text = self.text(node) else { return nil }
        do {
            let template = try Template(parsing: text)
            for root in template.roots where !scope.roots.contains(root) {
                let known = scope.roots.sorted()
                let hint = SpecReader.closest(to: root, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                self.report(node, "'\(root)' is not available here\(hint); \(scope.name) can use \(known.joined(separator: ", "))")
            }
            for case .hole(let expression) in template.parts {
                for (root, known, kind) in [("inputs", self.inputs, "an input declared under 'inputs'"), ("lookups", self.lookups, "a lookup")]
                where expression.path.first == root {
                    if let known, expression.path.count < 2 || !known.contains(expression.path[1]) {
                        self.report(node, "{{\(expression.source)}} does not name \(kind) (\(known.sorted().joined(separator: ", ")))")
                    }
                }
            }
            return template
        } catch {
            self.report(node, error.message)
            return nil
        }
    }

    /// The allowed word nearest to `word`, when it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, SpecReader.distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}

/// A mapping's members, looked up by key.
struct SpecMap {
    let node: SpecNode
    let members: [SpecMember]

    subscript(key: String) -> SpecNode? {
        self.members.first { $0.key == key }?.node
    }

    var keys: [String] { self.members.map(\.key) }
}
