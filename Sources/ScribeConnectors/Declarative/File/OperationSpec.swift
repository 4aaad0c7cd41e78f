import Foundation

/// One operation: its HTTP steps and how the answer maps to what Callscribe needs.
///
/// Written either with `steps:` (a list) or, for one request, with `request:` (and `when`, `paginate`)
/// directly on the operation. List operations name the list with `results:` and map each item, read
/// as `{{item.…}}`, under their object key (`contact:`, `record:`, `user:`, `field:`, `disposition:`).
struct OperationSpec: Sendable {
    var name: OperationName
    var steps: [StepSpec]
    var results: Template?
    var fields: [String: Template]
    /// For a contact search: whether it finds contacts or leads.
    var kind: String?
    /// Error rules for this operation only, tried before the file's (e.g. Zoho's 204 for a deleted record).
    var errors: [ErrorRule]

    init?(_ name: OperationName, _ node: SpecNode, reader: SpecReader) {
        let output = name.output
        var allowed = ["steps", "request", "when", "paginate", "name", "errors"]
        if output.list || name == .findCall { allowed.append("results") }
        if let object = output.object { allowed.append(object) } else { allowed += output.required + output.optional }
        if OperationName.searches.contains(name) { allowed.append("kind") }
        guard let map = reader.map(node, allowed: allowed) else { return nil }
        let scope = TemplateScope.operation(name)
        self.name = name

        if let stepsNode = map["steps"] {
            if map["request"] != nil { reader.report(stepsNode, "write either steps or one request, not both") }
            let items = reader.list(stepsNode)
            self.steps = items.compactMap { StepSpec($0, scope: scope, reader: reader) }
            if items.isEmpty { reader.report(stepsNode, "an operation needs at least one step") }
            let names = self.steps.compactMap(\.name)
            if Set(names).count != names.count { reader.report(stepsNode, "two steps have the same name") }
            if self.steps.dropLast().contains(where: { $0.paginate != nil }) {
                reader.report(stepsNode, "only the last step can be paginated: its pages make the operation's results")
            }
        } else if map["request"] != nil {
            self.steps = StepSpec(map, scope: scope, reader: reader).map { [$0] } ?? []
        } else {
            reader.report(node, "'steps' or 'request' is missing")
            self.steps = []
        }

        let itemScope = output.list || name == .findCall ? scope.adding("item") : scope
        self.results = map["results"].flatMap { reader.template($0, scope: scope) }
        if output.list, map["results"] == nil { reader.report(node, "'results' is missing: the list in the answer, e.g. \"{{response.data}}\"") }
        var fields: [String: Template] = [:]
        if let object = output.object {
            if let objectNode = map[object], let fieldMap = reader.map(objectNode, allowed: output.required + output.optional, required: output.required) {
                for member in fieldMap.members {
                    let fieldScope = OperationName.optionKeys.contains(member.key) ? itemScope.adding("option") : itemScope
                    if let template = reader.template(member.node, scope: fieldScope) { fields[member.key] = template }
                }
                for key in OperationName.optionKeys where fields[key] != nil && fieldMap["options"] == nil {
                    reader.report(objectNode, "'\(key)' reads each of the field's 'options', which are not mapped")
                }
            } else if map[object] == nil {
                reader.report(node, "'\(object)' is missing: how to read \(output.required.joined(separator: ", ")) from the answer")
            }
        } else {
            for key in output.required where map[key] == nil { reader.report(node, "'\(key)' is missing") }
            for key in output.required + output.optional {
                if let fieldNode = map[key], let template = reader.template(fieldNode, scope: itemScope) { fields[key] = template }
            }
        }
        self.fields = fields
        self.errors = map["errors"].map { reader.list($0).compactMap { ErrorRule($0, reader: reader) } } ?? []
        self.kind = map["kind"].flatMap { node in
            guard let text = reader.text(node) else { return nil }
            guard ["contact", "lead"].contains(text) else {
                reader.report(node, "'\(text)' is not contact or lead")
                return nil
            }
            return text
        }
        // Without the query a name search would find the same people whatever a person typed.
        if name == .findContactsByName, !self.steps.isEmpty, !self.steps.contains(where: { $0.request.templates.contains { $0.roots.contains("name") } }) {
            reader.report(node, "this search never reads {{name}}, the name looked for; put it where the CRM takes its search text")
        }
    }

    /// Every template the operation uses.
    var templates: [Template] {
        self.steps.flatMap { $0.request.templates + ($0.when.map { [$0] } ?? []) } + (self.results.map { [$0] } ?? []) + Array(self.fields.values)
    }
}
