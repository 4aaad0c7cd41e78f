import Foundation
import ScribeCore

/// The variables a template may use where it is written, e.g. `call` only in the call operations.
struct TemplateScope: Sendable {
    var name: String
    var roots: Set<String>

    init(_ name: String, _ roots: Set<String>) {
        self.name = name
        self.roots = roots
    }

    /// Adds variables, e.g. `item` inside a result mapping.
    func adding(_ roots: String...) -> TemplateScope {
        TemplateScope(self.name, self.roots.union(roots))
    }

    static let settings = TemplateScope("this setting", ["inputs"])
    static let errors = TemplateScope("an error rule", ["inputs", "status", "body", "headers"])
    static let lookup = TemplateScope("a lookup", ["inputs", "lookups", "steps", "response", "headers", "status"])
    static let login = TemplateScope("the login", ["inputs", "response", "headers", "status"])
    static let pagination = TemplateScope("pagination", ["inputs", "lookups", "response", "headers", "page"])

    /// The scope of one of the operations.
    static func operation(_ operation: OperationName) -> TemplateScope {
        var roots: Set<String> = ["inputs", "lookups", "steps", "response", "headers", "status", "page"]
        switch operation {
        case .findContacts: roots.insert("phone")
        case .findContactsByName: roots.insert("name")
        case .createContact: roots.formUnion(["phone", "name"])
        case .relatedRecords: roots.insert("contact")
        case .createCall: roots.formUnion(["call", "contact"])
        case .updateCall: roots.formUnion(["call", "contact", "record"])
        case .readCall: roots.insert("record")
        case .findCall: roots.insert("marker")
        case .listUsers, .listCustomFields, .listDispositions: break
        }
        return TemplateScope("operations.\(operation.rawValue)", roots)
    }
}
