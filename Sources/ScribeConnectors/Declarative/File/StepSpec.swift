import Foundation

/// One HTTP exchange of an operation. A later step reads an earlier one's answer as
/// `{{steps.<name>.…}}`, and the operation's result mapping reads the last one as `{{response.…}}`.
struct StepSpec: Sendable {
    var name: String?
    var request: RequestSpec
    /// The step runs only when this is true, e.g. linking a record only when there is one.
    var when: Template?
    var paginate: PaginationSpec?

    static let keys = ["name", "request", "when", "paginate"]

    init?(_ node: SpecNode, scope: TemplateScope, reader: SpecReader) {
        guard let map = reader.map(node, allowed: StepSpec.keys, required: ["request"]) else { return nil }
        self.init(map, scope: scope, reader: reader)
    }

    /// Reads the step's keys from `map`, which may be an operation written with a single request.
    init?(_ map: SpecMap, scope: TemplateScope, reader: SpecReader) {
        self.name = map["name"].flatMap { reader.text($0) }
        if let node = map["name"], let name = self.name, name.contains(where: { !($0.isLetter || $0.isNumber || $0 == "_") }) {
            reader.report(node, "a step name is letters, digits and '_' only, to be read as {{steps.\(name)}}")
        }
        self.when = map["when"].flatMap { reader.template($0, scope: scope) }
        self.paginate = map["paginate"].flatMap { PaginationSpec($0, reader: reader) }
        guard let request = map["request"].flatMap({ RequestSpec($0, scope: scope, reader: reader) }) else { return nil }
        self.request = request
    }
}
