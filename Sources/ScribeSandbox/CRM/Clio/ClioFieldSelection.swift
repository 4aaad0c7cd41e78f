import Foundation
import ScribeCore

/// Clio's `fields=` parameter: which fields of a record come back. Nested records take braces
/// (`matter{id,display_number}`). Without it only `id` and `etag` are returned
/// (docs.developers.clio.com/api-docs/fields [V]).
struct ClioFieldSelection: Equatable {
    struct Field: Equatable {
        var name: String
        /// The nested selection, for `name{…}`; `nil` returns a nested record's `id` and `etag`.
        var nested: [Field]?
    }

    var fields: [Field]

    static let defaults = ClioFieldSelection(fields: [Field(name: "id"), Field(name: "etag")])

    /// Parses `text`, or answers Clio's 400 for unbalanced braces or empty names.
    init(_ text: String?) throws(ClioSandboxError) {
        guard let text, !text.isEmpty else {
            self = .defaults
            return
        }
        var characters = Substring(text)
        self.fields = try ClioFieldSelection.parseList(&characters, nested: false)
        guard characters.isEmpty else { throw .badRequest("Invalid fields parameter: \(text)") }
    }

    private init(fields: [Field]) { self.fields = fields }

    private static func parseList(_ text: inout Substring, nested: Bool) throws(ClioSandboxError) -> [Field] {
        var fields: [Field] = []
        while true {
            let name = String(text.prefix { $0 != "," && $0 != "{" && $0 != "}" }).trimmingCharacters(in: .whitespaces)
            text = text.dropFirst(text.prefix { $0 != "," && $0 != "{" && $0 != "}" }.count)
            guard !name.isEmpty else { throw .badRequest("Invalid fields parameter: empty field name") }
            var field = Field(name: name)
            if text.first == "{" {
                text = text.dropFirst()
                field.nested = try ClioFieldSelection.parseList(&text, nested: true)
                guard text.first == "}" else { throw .badRequest("Invalid fields parameter: unbalanced braces") }
                text = text.dropFirst()
            }
            fields.append(field)
            if text.first == "," {
                text = text.dropFirst()
                continue
            }
            if text.first == "}" && !nested { throw .badRequest("Invalid fields parameter: unbalanced braces") }
            return fields
        }
    }

    /// `record` cut down to the selected fields; an unknown field is Clio's 400 naming it.
    func project(_ record: JSONValue) throws(ClioSandboxError) -> JSONValue {
        try ClioFieldSelection.project(record, self.fields)
    }

    private static func project(_ record: JSONValue, _ fields: [Field]) throws(ClioSandboxError) -> JSONValue {
        switch record {
        case .array(let items):
            var projected: [JSONValue] = []
            for item in items { projected.append(try project(item, fields)) }
            return .array(projected)
        case .object(let object):
            var result: [String: JSONValue] = [:]
            for field in fields {
                guard let value = object[field.name] else { throw .badRequest("Invalid field: \(field.name)") }
                switch value {
                case .object, .array:
                    result[field.name] = try project(value, field.nested ?? ClioFieldSelection.defaults.fields)
                default:
                    result[field.name] = value
                }
            }
            return .object(result)
        default:
            return record
        }
    }
}
