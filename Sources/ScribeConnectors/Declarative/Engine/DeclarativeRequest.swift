import Foundation
import NIOCore
import NIOHTTP1
import ScribeCore

/// A request of a connector file made concrete: templates rendered with each value escaped for where
/// it goes, against the base URL.
struct DeclarativeRequest: Sendable {
    var method: HTTPMethod
    var url: String
    var headers: HTTPHeaders
    var body: ByteBuffer?
    var contentType: String

    /// Renders `spec` in `context`.
    ///
    /// - Throws: ``TemplateError`` when a value cannot be produced or would break the request.
    init(_ spec: RequestSpec, baseURL: String, defaultHeaders: HTTPHeaders, context: JSONValue) throws(TemplateError) {
        self.method = spec.method
        let path = try spec.path.render(in: context, escaping: .pathSegment)
        var url = path.lowercased().hasPrefix("http://") || path.lowercased().hasPrefix("https://") ? path : baseURL + path
        var query: [(String, String)] = []
        for item in spec.query {
            let value = try item.value.value(in: context)
            // A parameter whose value is nothing is left out, like an optional JSON member.
            if value == .null { continue }
            query.append((item.name, value.text))
        }
        if !query.isEmpty {
            url += (url.contains("?") ? "&" : "?") + ConnectorHTTPClient.formEncoded(query)
        }
        self.url = url
        self.headers = defaultHeaders
        for header in spec.headers {
            self.headers.replaceOrAdd(name: header.name, value: try header.value.render(in: context, escaping: .header))
        }
        switch spec.body {
        case .json(let template):
            let value = try template.evaluate(in: context) ?? .object([:])
            self.body = ByteBuffer(string: value.jsonText)
            self.contentType = "application/json"
        case .form(let pairs):
            var form: [(String, String)] = []
            for pair in pairs {
                let value = try pair.value.value(in: context)
                if value != .null { form.append((pair.name, value.text)) }
            }
            self.body = ByteBuffer(string: ConnectorHTTPClient.formEncoded(form))
            self.contentType = "application/x-www-form-urlencoded"
        case nil:
            self.body = nil
            self.contentType = "application/json"
        }
    }

    /// A bare GET of `url` (a next page the CRM named).
    init(get url: String, headers: HTTPHeaders) {
        self.method = .GET
        self.url = url
        self.headers = headers
        self.body = nil
        self.contentType = "application/json"
    }
}
