import ScribeCore
import Foundation

/// An Odoo search domain (the ORM reference, "Search domains"): a list in Polish notation of leaves
/// `[field, operator, value]` and the operators `"&"`, `"|"`, `"!"`; consecutive terms are ANDed.
///
/// Leaf operators: `=`, `!=`, `<`, `>`, `<=`, `>=`, `like`, `ilike`, `not like`, `not ilike`,
/// `=like`, `=ilike`, `in`, `not in`. A many2one compares its id with a number and its name with text.
/// `phone_mobile_search` follows ``OdooPhoneSearch``.
indirect enum OdooDomain {
    case leaf(field: String, op: String, value: JSONValue)
    case and(OdooDomain, OdooDomain)
    case or(OdooDomain, OdooDomain)
    case not(OdooDomain)
    case everything

    static let operators: Set<String> = ["=", "!=", "<", ">", "<=", ">=", "like", "ilike", "not like", "not ilike", "=like", "=ilike", "in", "not in"]

    /// Parses `terms`, checking every leaf's field against `fields` of `model`.
    static func parse(_ terms: [JSONValue], model: String, fields: Set<String>) throws(OdooSandboxError) -> OdooDomain {
        var index = 0
        var parts: [OdooDomain] = []
        while index < terms.count { parts.append(try OdooDomain.parseOne(terms, &index, model: model, fields: fields)) }
        return parts.reversed().reduce(OdooDomain.everything) { result, part in
            if case .everything = result { return part }
            return .and(part, result)
        }
    }

    private static func parseOne(_ terms: [JSONValue], _ index: inout Int, model: String, fields: Set<String>) throws(OdooSandboxError) -> OdooDomain {
        guard index < terms.count else { throw .valueError("Domain is not well formed: an operator lacks its operands") }
        let term = terms[index]
        index += 1
        switch term {
        case .string("&"), .string("|"):
            let left = try OdooDomain.parseOne(terms, &index, model: model, fields: fields)
            let right = try OdooDomain.parseOne(terms, &index, model: model, fields: fields)
            return term == .string("&") ? .and(left, right) : .or(left, right)
        case .string("!"):
            return .not(try OdooDomain.parseOne(terms, &index, model: model, fields: fields))
        case .array(let leaf) where leaf.count == 3:
            guard let field = leaf[0].string, let op = leaf[1].string else { throw .valueError("Invalid leaf \(OdooDomain.describe(term))") }
            let base = field.split(separator: ".").first.map(String.init) ?? field
            guard fields.contains(base) else { throw .valueError("Invalid field \(model).\(field) in leaf \(OdooDomain.describe(term))") }
            guard OdooDomain.operators.contains(op) else { throw .valueError("Invalid leaf \(OdooDomain.describe(term))") }
            return .leaf(field: base, op: op, value: leaf[2])
        default:
            throw .valueError("Invalid leaf \(OdooDomain.describe(term))")
        }
    }

    private static func describe(_ term: JSONValue) -> String {
        String(decoding: term.encoded(), as: UTF8.self)
    }

    /// True when `record` satisfies the domain. Throws the `UserError` a too-short phone term raises.
    func matches(_ record: OdooSandboxRecord, phoneFields: [String]) throws(OdooSandboxError) -> Bool {
        switch self {
        case .everything: return true
        case .and(let left, let right):
            guard try left.matches(record, phoneFields: phoneFields) else { return false }
            return try right.matches(record, phoneFields: phoneFields)
        case .or(let left, let right):
            if try left.matches(record, phoneFields: phoneFields) { return true }
            return try right.matches(record, phoneFields: phoneFields)
        case .not(let inner): return try !inner.matches(record, phoneFields: phoneFields)
        case .leaf(let field, let op, let value):
            if field == "phone_mobile_search" { return try OdooDomain.phoneLeaf(record, op: op, value: value, phoneFields: phoneFields) }
            return OdooDomain.compare(field == "id" ? .int(record.id) : record.fields[field] ?? .bool(false), op: op, value)
        }
    }

    private static func phoneLeaf(_ record: OdooSandboxRecord, op: String, value: JSONValue, phoneFields: [String]) throws(OdooSandboxError) -> Bool {
        let stored = phoneFields.map { record.fields[$0]?.string }
        switch value {
        case .bool(false), .null:
            let isSet = stored.contains { !($0 ?? "").isEmpty }
            return op == "=" ? !isSet : isSet
        case .array(let values) where op == "in" || op == "not in":
            var any = false
            for item in values {
                if try OdooDomain.phoneLeaf(record, op: "=", value: item, phoneFields: phoneFields) { any = true }
            }
            return op == "in" ? any : !any
        case .string(let raw):
            let term = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !term.isEmpty else { return true }
            guard term.count >= 3 else { throw .userError("Please enter at least 3 characters when searching a Phone number.") }
            let negative = op.hasPrefix("not ") || op == "!="
            let hits = stored.map { OdooPhoneSearch.matches(stored: $0, op: negative ? (op == "!=" ? "=" : String(op.dropFirst(4))) : op, term: term) }
            return negative ? !hits.contains(true) : hits.contains(true)
        default:
            throw .valueError("Invalid value for phone_mobile_search: \(OdooDomain.describe(value))")
        }
    }

    /// One leaf on a stored value; `false` stands for an empty field as in Odoo.
    static func compare(_ stored: JSONValue, op: String, _ value: JSONValue) -> Bool {
        // A many2one reads as [id, name]: compare its id with numbers, its name with text.
        var stored = stored
        if case .array(let pair) = stored, pair.count == 2, pair[0].integer != nil {
            stored = value.string != nil && !["in", "not in"].contains(op) ? pair[1] : pair[0]
        }
        let isEmpty = stored == .bool(false) || stored == .null || stored == .string("")
        switch op {
        case "=":
            if value == .bool(false) { return isEmpty }
            return OdooDomain.equal(stored, value)
        case "!=":
            if value == .bool(false) { return !isEmpty }
            return !OdooDomain.equal(stored, value)
        case "in", "not in":
            let found = (value.array ?? [value]).contains { $0 == .bool(false) ? isEmpty : OdooDomain.equal(stored, $0) }
            return op == "in" ? found : !found
        case "like", "ilike", "not like", "not ilike", "=like", "=ilike":
            guard let pattern = value.string else { return false }
            let text = stored.string ?? ""
            let insensitive = op.contains("ilike")
            let hit: Bool
            if op.hasPrefix("=") {
                hit = OdooDomain.sqlLike(text, pattern, insensitive: insensitive)
            } else {
                hit = !isEmpty && (insensitive ? text.lowercased().contains(pattern.lowercased()) : text.contains(pattern))
            }
            return op.hasPrefix("not ") ? !hit : hit
        default:
            guard !isEmpty else { return false }
            let order: ComparisonResult
            if let left = stored.integer.map(Double.init) ?? stored.number, let right = value.integer.map(Double.init) ?? value.number {
                order = left < right ? .orderedAscending : left > right ? .orderedDescending : .orderedSame
            } else if let left = stored.string, let right = value.string {
                order = left.compare(right)
            } else {
                return false
            }
            switch op {
            case "<": return order == .orderedAscending
            case ">": return order == .orderedDescending
            case "<=": return order != .orderedDescending
            default: return order != .orderedAscending
            }
        }
    }

    private static func equal(_ left: JSONValue, _ right: JSONValue) -> Bool {
        if let a = left.integer, let b = right.integer { return a == b }
        return left == right
    }

    /// SQL LIKE: `%` any run, `_` one character.
    private static func sqlLike(_ text: String, _ pattern: String, insensitive: Bool) -> Bool {
        var regex = "^"
        for character in pattern {
            switch character {
            case "%": regex += ".*"
            case "_": regex += "."
            default: regex += NSRegularExpression.escapedPattern(for: String(character))
            }
        }
        regex += "$"
        return text.range(of: regex, options: insensitive ? [.regularExpression, .caseInsensitive] : .regularExpression) != nil
    }
}

extension JSONValue {
    /// Any number, whole or not.
    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}
