import Foundation

/// A value fetched once per connection and remembered, e.g. the id of the user the API key belongs to,
/// read in operations as `{{lookups.<name>}}`.
struct LookupSpec: Sendable {
    var name: String
    var steps: [StepSpec]
    var value: Template

    init?(name: String, _ node: SpecNode, reader: SpecReader) {
        guard let map = reader.map(node, allowed: ["steps", "request", "when", "value"], required: ["value"]) else { return nil }
        let scope = TemplateScope.lookup
        if let stepsNode = map["steps"] {
            self.steps = reader.list(stepsNode).compactMap { StepSpec($0, scope: scope, reader: reader) }
        } else if map["request"] != nil {
            self.steps = StepSpec(map, scope: scope, reader: reader).map { [$0] } ?? []
        } else {
            reader.report(node, "'steps' or 'request' is missing")
            self.steps = []
        }
        guard let value = map["value"].flatMap({ reader.template($0, scope: scope) }) else { return nil }
        self.name = name
        self.value = value
    }
}
