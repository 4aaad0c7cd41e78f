import Foundation
import Hummingbird
import NIOHTTP1
import ScribeDemo
import ScribeServer
import Testing

/// `/openapi.json` tells the truth about the API: every API route is described, nothing else is.
@Suite("The OpenAPI document")
struct OpenAPITests {
    /// The routes that are web pages or assets, not the REST API.
    static func isPageOrAsset(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/openapi.json" || path == "/health" || path.hasPrefix("/webhooks/") || path.hasPrefix("/recordings/"))
    }

    static func documentedOperations() throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }

    @Test("lists exactly the router's API routes, method by method")
    func matchesRouter() async throws {
        try await StackHarness.withStack { stack in
            let routes = Set(
                buildRouter(stack.callscribe).routes
                    .filter { !Self.isPageOrAsset($0.path.description) }
                    .map { "\($0.method.rawValue) \($0.path.description)" }
            )
            let documented = try Self.documentedOperations()
            #expect(routes.subtracting(documented).isEmpty, "routes missing from the document: \(routes.subtracting(documented).sorted())")
            #expect(documented.subtracting(routes).isEmpty, "documented operations with no route: \(documented.subtracting(routes).sorted())")
            #expect(routes.count >= 20)
        }
    }

    @Test("is served at /openapi.json without signing in, and every $ref points at a component that exists")
    func servedAndConsistent() async throws {
        try await StackHarness.withStack { stack in
            let answer = try await StackHarness.send(.GET, stack, "/openapi.json", as: nil)
            #expect(answer.status == 200)
            #expect(answer.body == OpenAPIDocument.json)
        }
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let references = Self.references(in: document)
        #expect(!references.isEmpty)
        for reference in references {
            let parts = reference.dropFirst(2).split(separator: "/").map(String.init)
            var node: Any? = document
            for part in parts { node = (node as? [String: Any])?[part] }
            #expect(node != nil, "\(reference) resolves")
        }
    }

    /// Every operation that needs no sign-in says so (`security: []`); the rest answer 401 unsigned.
    @Test("every operation documents its 401 unless it is public")
    func unauthorizedDocumented() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for (path, operations) in paths {
            for (method, operation) in operations {
                let isPublic = (operation["security"] as? [Any])?.isEmpty == true
                let responses = try #require(operation["responses"] as? [String: Any])
                if !isPublic { #expect(responses["401"] != nil, "\(method.uppercased()) \(path) documents 401") }
            }
        }
    }

    static func references(in node: Any) -> [String] {
        if let dictionary = node as? [String: Any] {
            return dictionary.flatMap { key, value in key == "$ref" ? [value as? String ?? ""] : self.references(in: value) }
        }
        if let array = node as? [Any] { return array.flatMap { self.references(in: $0) } }
        return []
    }
}
