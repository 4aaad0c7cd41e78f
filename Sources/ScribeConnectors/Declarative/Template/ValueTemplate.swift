import Foundation
import ScribeCore

/// A JSON request body (or any structured value) written in the file as YAML, with templates in its
/// strings. It is evaluated into a ``JSONValue`` and only then encoded, so escaping is the encoder's job
/// and no value can break the body's structure.
///
/// Two keys steer an object:
/// - `$if: "{{…}}"` keeps the object only when the condition is true (else the member or list item
///   holding it is left out), e.g. a matter that is only sent when the call has one.
/// - `$switch: "{{…}}"` picks the member named by the value (`$else` when none is), e.g. senders and
///   receivers that swap with the call's direction.
/// - `$merge: "{{…}}"` adds the members of an object the template reads (nothing when it is empty),
///   e.g. the custom fields a person filled in, `{{call.custom_fields}}`, whose keys the file cannot
///   know; members written out in the mapping win over merged ones of the same name.
///
/// A member whose template comes out as nothing (`null`) is left out, so optional fields need no `$if`.
indirect enum ValueTemplate: Sendable {
    case literal(JSONValue)
    case text(Template)
    case array([ValueTemplate])
    case object([(key: String, value: ValueTemplate)], condition: Template?, merge: Template? = nil)
    case choice(on: Template, cases: [(key: String, value: ValueTemplate)], otherwise: ValueTemplate?)

    /// Reads a value from the file, checking its templates against `scope`.
    init?(_ node: SpecNode, scope: TemplateScope, reader: SpecReader) {
        switch node.value {
        case .scalar(let text, let typed):
            if text.contains("{{") || text.contains("}}") {
                guard let template = reader.template(node, scope: scope) else { return nil }
                self = .text(template)
            } else {
                self = .literal(typed)
            }
        case .list(let items):
            let values = items.compactMap { ValueTemplate($0, scope: scope, reader: reader) }
            guard values.count == items.count else { return nil }
            self = .array(values)
        case .map(let members):
            var condition: Template?
            var switchOn: Template?
            var merge: Template?
            var otherwise: ValueTemplate?
            var values: [(key: String, value: ValueTemplate)] = []
            var failed = false
            for member in members {
                switch member.key {
                case "$if":
                    condition = reader.template(member.node, scope: scope)
                    failed = failed || condition == nil
                case "$switch":
                    switchOn = reader.template(member.node, scope: scope)
                    failed = failed || switchOn == nil
                case "$merge":
                    merge = reader.template(member.node, scope: scope)
                    failed = failed || merge == nil
                case "$else":
                    otherwise = ValueTemplate(member.node, scope: scope, reader: reader)
                    failed = failed || otherwise == nil
                default:
                    guard let value = ValueTemplate(member.node, scope: scope, reader: reader) else {
                        failed = true
                        continue
                    }
                    values.append((member.key, value))
                }
            }
            if failed { return nil }
            if let switchOn {
                if condition != nil { reader.report(node, "'$if' and '$switch' cannot be in the same mapping") }
                if merge != nil { reader.report(node, "'$merge' and '$switch' cannot be in the same mapping; put the '$merge' inside the chosen member") }
                self = .choice(on: switchOn, cases: values, otherwise: otherwise)
            } else {
                if otherwise != nil { reader.report(node, "'$else' belongs with '$switch'") }
                self = .object(values, condition: condition, merge: merge)
            }
        }
    }

    /// The value, or nil when it is to be left out.
    func evaluate(in context: JSONValue) throws(TemplateError) -> JSONValue? {
        switch self {
        case .literal(let value):
            return value
        case .text(let template):
            let value = try template.value(in: context)
            return value == .null ? nil : value
        case .array(let items):
            var values: [JSONValue] = []
            for item in items {
                if let value = try item.evaluate(in: context) { values.append(value) }
            }
            return .array(values)
        case .object(let members, let condition, let merge):
            if let condition, !TemplateFilter.isTrue(try condition.value(in: context)) { return nil }
            var object: [String: JSONValue] = [:]
            if let merge {
                switch try merge.value(in: context) {
                case .object(let merged): object = merged.filter { $0.value != .null }
                case let value where value.isEmpty: break
                default: throw TemplateError("'$merge' adds the members of an object, but '\(merge.source)' is not one")
                }
            }
            for member in members {
                if let value = try member.value.evaluate(in: context) { object[member.key] = value }
            }
            return .object(object)
        case .choice(let on, let cases, let otherwise):
            let key = try on.value(in: context).text
            guard let chosen = cases.first(where: { $0.key == key })?.value ?? otherwise else {
                throw TemplateError("'\(on.source)' is '\(key)', which is none of \(cases.map(\.key).joined(separator: ", ")) and there is no '$else'")
            }
            return try chosen.evaluate(in: context)
        }
    }

    /// Every template in the value, to find which variables it reads.
    var templates: [Template] {
        switch self {
        case .literal: []
        case .text(let template): [template]
        case .array(let items): items.flatMap(\.templates)
        case .object(let members, let condition, let merge):
            (condition.map { [$0] } ?? []) + (merge.map { [$0] } ?? []) + members.flatMap(\.value.templates)
        case .choice(let on, let cases, let otherwise): [on] + cases.flatMap(\.value.templates) + (otherwise?.templates ?? [])
        }
    }
}
