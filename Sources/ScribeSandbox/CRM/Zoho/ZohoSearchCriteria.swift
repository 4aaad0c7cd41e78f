import ScribeCore
import Foundation

/// The `criteria` of Zoho CRM's search API: `(Field:operator:value)` conditions, grouped with
/// `and` / `or`, e.g. `((Subject:equals:Call\(1\))and(Call_Type:equals:Inbound))`. Parentheses and
/// commas inside a value are escaped with a backslash (Zoho's "Kaizen #82 – Search Records API").
///
/// Operators: `equals`, `not_equal`, `starts_with` (text compared without regard to case) and `in`
/// (comma-separated values).
indirect enum ZohoSearchCriteria: Equatable {
    case condition(field: String, op: String, value: String)
    case all([ZohoSearchCriteria])
    case any([ZohoSearchCriteria])

    static let operators: Set<String> = ["equals", "not_equal", "starts_with", "in"]

    /// Parses `text`; `nil` when it is not well formed (Zoho then answers `INVALID_QUERY`).
    static func parse(_ text: String) -> ZohoSearchCriteria? {
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        guard let groups = ZohoSearchCriteria.groups(characters) else { return nil }
        if groups.parts.count == 1 {
            let inner = groups.parts[0]
            if inner.first == "(" { return ZohoSearchCriteria.parse(String(inner)) }
            return ZohoSearchCriteria.condition(String(inner))
        }
        let joiners = Set(groups.joiners.map { $0.lowercased() })
        guard joiners.count == 1, let joiner = joiners.first, joiner == "and" || joiner == "or" else { return nil }
        var parsed: [ZohoSearchCriteria] = []
        for part in groups.parts {
            guard let criteria = ZohoSearchCriteria.parse("(" + String(part) + ")") else { return nil }
            parsed.append(criteria)
        }
        return joiner == "and" ? .all(parsed) : .any(parsed)
    }

    /// Splits `(a)and(b)or(c)` into the insides of its top-level parenthesised groups and the words between them.
    private static func groups(_ characters: [Character]) -> (parts: [ArraySlice<Character>], joiners: [String])? {
        var parts: [ArraySlice<Character>] = []
        var joiners: [String] = []
        var index = 0
        while index < characters.count {
            var word = ""
            while index < characters.count, characters[index] != "(" {
                word.append(characters[index])
                index += 1
            }
            let trimmed = word.trimmingCharacters(in: .whitespaces)
            if !parts.isEmpty {
                guard !trimmed.isEmpty else { return nil }
                joiners.append(trimmed)
            } else if !trimmed.isEmpty {
                return nil
            }
            guard index < characters.count else { return trimmed.isEmpty && !parts.isEmpty ? (parts, joiners) : nil }
            var depth = 0
            let start = index
            while index < characters.count {
                let character = characters[index]
                if character == "\\" {
                    index += 2
                    continue
                }
                if character == "(" { depth += 1 }
                if character == ")" {
                    depth -= 1
                    if depth == 0 { break }
                }
                index += 1
            }
            guard index < characters.count, depth == 0 else { return nil }
            parts.append(characters[(start + 1)..<index])
            index += 1
        }
        return parts.isEmpty ? nil : (parts, joiners)
    }

    private static func condition(_ text: String) -> ZohoSearchCriteria? {
        let pieces = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard pieces.count == 3, !pieces[0].isEmpty, ZohoSearchCriteria.operators.contains(pieces[1]) else { return nil }
        return .condition(field: pieces[0], op: pieces[1], value: pieces[2])
    }

    /// Removes the escaping backslashes from a value.
    static func unescape(_ value: String) -> String {
        var result = ""
        var escaped = false
        for character in value {
            if character == "\\", !escaped {
                escaped = true
                continue
            }
            result.append(character)
            escaped = false
        }
        return result
    }

    /// The fields the criteria name, to check they exist in the module.
    var fieldNames: [String] {
        switch self {
        case .condition(let field, _, _): [field]
        case .all(let list), .any(let list): list.flatMap(\.fieldNames)
        }
    }

    func matches(_ record: ZohoSandboxRecord) -> Bool {
        switch self {
        case .all(let list): return list.allSatisfy { $0.matches(record) }
        case .any(let list): return list.contains { $0.matches(record) }
        case .condition(let field, let op, let raw):
            let stored = field == "id" ? record.id : ZohoSearchCriteria.text(of: record.fields[field])
            switch op {
            case "in":
                let values = ZohoSearchCriteria.splitList(raw).map { $0.lowercased() }
                return stored.map { values.contains($0.lowercased()) } ?? false
            case "starts_with":
                return stored?.lowercased().hasPrefix(ZohoSearchCriteria.unescape(raw).lowercased()) ?? false
            case "not_equal":
                return stored?.lowercased() != ZohoSearchCriteria.unescape(raw).lowercased()
            default:
                return stored?.lowercased() == ZohoSearchCriteria.unescape(raw).lowercased()
            }
        }
    }

    /// The comparable text of a field: a string, a number, a boolean, or a lookup's id.
    static func text(of value: JSONValue?) -> String? {
        switch value {
        case .string(let text): text
        case .number: value?.integer.map(String.init) ?? nil
        case .bool(let flag): flag ? "true" : "false"
        case .object(let object): object["id"]?.string
        default: nil
        }
    }

    private static func splitList(_ raw: String) -> [String] {
        var values: [String] = []
        var current = ""
        var escaped = false
        for character in raw {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                values.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        values.append(current)
        return values
    }
}
