import Foundation
import NIOHTTP1

/// One HTTP request of an operation: method, path (relative to the base URL, or a whole URL), query,
/// headers and a JSON or form body, all templates.
struct RequestSpec: Sendable {
    enum Body: Sendable {
        case json(ValueTemplate)
        case form([(name: String, value: Template)])
    }

    var method: HTTPMethod
    var path: Template
    var query: [(name: String, value: Template)]
    var headers: [(name: String, value: Template)]
    var body: Body?

    static let keys = ["method", "path", "query", "headers", "json", "form"]

    init?(_ node: SpecNode, scope: TemplateScope, reader: SpecReader) {
        guard let map = reader.map(node, allowed: RequestSpec.keys, required: ["method", "path"]) else { return nil }
        var method: HTTPMethod?
        if let node = map["method"], let text = reader.text(node) {
            let allowed = ["GET", "POST", "PUT", "PATCH", "DELETE"]
            if allowed.contains(text.uppercased()) {
                method = HTTPMethod(rawValue: text.uppercased())
            } else {
                reader.report(node, "'\(text)' is not one of \(allowed.joined(separator: ", "))")
            }
        }
        let path = map["path"].flatMap { reader.template($0, scope: scope) }
        if let node = map["path"], let text = node.scalarText, !text.hasPrefix("/"), !text.hasPrefix("{{"), !text.lowercased().hasPrefix("http") {
            reader.report(node, "a path starts with '/' (it is added to base_url) or is a whole http(s) URL")
        }
        let query = map["query"].map { RequestSpec.pairs($0, scope: scope, reader: reader) } ?? []
        let headers = map["headers"].map { RequestSpec.pairs($0, scope: scope, reader: reader) } ?? []
        var body: Body?
        if let json = map["json"] {
            body = ValueTemplate(json, scope: scope, reader: reader).map(Body.json)
            if map["form"] != nil { reader.report(json, "a request has a json body or a form body, not both") }
        } else if let form = map["form"] {
            body = .form(RequestSpec.pairs(form, scope: scope, reader: reader))
        }
        guard let method, let path else { return nil }
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// `name: template` lines of a mapping, in order.
    static func pairs(_ node: SpecNode, scope: TemplateScope, reader: SpecReader) -> [(name: String, value: Template)] {
        guard case .map(let members) = node.value else {
            reader.report(node, "expected a mapping of names to values, found \(node.kindName)")
            return []
        }
        return members.compactMap { member in reader.template(member.node, scope: scope).map { (member.key, $0) } }
    }

    /// Every template the request uses.
    var templates: [Template] {
        var all = [self.path] + self.query.map(\.value) + self.headers.map(\.value)
        switch self.body {
        case .json(let value): all += value.templates
        case .form(let pairs): all += pairs.map(\.value)
        case nil: break
        }
        return all
    }
}
