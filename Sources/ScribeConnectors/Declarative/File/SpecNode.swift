import Foundation
import ScribeCore
import Yams

/// A value of a connector file with the place it was written, so that every mistake names its line.
///
/// YAML and JSON files both become this tree (JSON is read as YAML, which it is a subset of).
struct SpecNode: Sendable {
    enum Value: Sendable {
        case scalar(String, typed: JSONValue)
        case list([SpecNode])
        case map([SpecMember])
    }

    var value: Value
    var line: Int
    var column: Int
    /// The node's place in the document, e.g. `operations.find_contacts[0].request`.
    var path: String

    /// Reads YAML or JSON text into a tree.
    static func parse(_ text: String) throws(ConnectorFileProblem) -> SpecNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw SpecNode.problem(error)
        } catch {
            throw ConnectorFileProblem(line: 0, column: 0, path: "", message: "not YAML or JSON: \(error)")
        }
        guard let root else { throw ConnectorFileProblem(line: 1, column: 1, path: "", message: "the file is empty") }
        return try SpecNode(root, path: "")
    }

    private init(_ node: Node, path: String) throws(ConnectorFileProblem) {
        self.line = node.mark?.line ?? 0
        self.column = node.mark?.column ?? 0
        self.path = path
        switch node {
        case .scalar(let scalar):
            self.value = .scalar(scalar.string, typed: SpecNode.typed(scalar))
        case .sequence(let sequence):
            var items: [SpecNode] = []
            for (index, item) in sequence.enumerated() { items.append(try SpecNode(item, path: "\(path)[\(index)]")) }
            self.value = .list(items)
        case .mapping(let mapping):
            var members: [SpecMember] = []
            for (key, value) in mapping {
                guard let name = key.string else {
                    throw ConnectorFileProblem(line: key.mark?.line ?? self.line, column: key.mark?.column ?? 0, path: path, message: "keys must be plain text")
                }
                if members.contains(where: { $0.key == name }) {
                    throw ConnectorFileProblem(line: key.mark?.line ?? self.line, column: key.mark?.column ?? 0, path: path, message: "'\(name)' appears twice")
                }
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                var child = try SpecNode(value, path: childPath)
                // A nested mapping or list is named by its key's line: "request: (line 12) is missing 'method'".
                if case .scalar = child.value {} else if let keyLine = key.mark?.line { child.line = keyLine }
                members.append((name, key.mark?.line ?? self.line, key.mark?.column ?? 1, child))
            }
            self.value = .map(members)
        case .alias:
            throw ConnectorFileProblem(line: self.line, column: self.column, path: path, message: "YAML aliases are not supported; write the value out")
        }
    }

    /// A plain scalar's YAML type (`12`, `true`, `null`); anything quoted stays text.
    private static func typed(_ scalar: Node.Scalar) -> JSONValue {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        switch scalar.string {
        case "null", "~", "": return scalar.string.isEmpty ? .string("") : .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default:
            if let number = Double(scalar.string), scalar.string.first.map({ $0.isNumber || $0 == "-" }) == true,
                !(scalar.string.hasPrefix("0") && scalar.string.count > 1 && !scalar.string.hasPrefix("0."))
            {
                return .number(number)
            }
            return .string(scalar.string)
        }
    }

    private static func problem(_ error: YamlError) -> ConnectorFileProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConnectorFileProblem(line: mark.line, column: mark.column, path: "", message: "not valid YAML or JSON: \(problem)")
        default:
            return ConnectorFileProblem(line: 0, column: 0, path: "", message: "not valid YAML or JSON: \(error)")
        }
    }

    /// A problem at this node.
    func problem(_ message: String) -> ConnectorFileProblem {
        ConnectorFileProblem(line: self.line, column: self.column, path: self.path, message: message)
    }

    /// The text of a scalar, or nil.
    var scalarText: String? {
        if case .scalar(let text, _) = self.value { return text }
        return nil
    }

    /// What kind of node this is, for messages.
    var kindName: String {
        switch self.value {
        case .scalar: "a value"
        case .list: "a list"
        case .map: "a mapping"
        }
    }
}

/// One member of a mapping: its key, where the key is written, and its value.
typealias SpecMember = (key: String, keyLine: Int, keyColumn: Int, node: SpecNode)
