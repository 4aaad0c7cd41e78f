import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// The account's CRM connections (never their credentials) and contact search in the CRM.
struct DirectoryController {
    let callscribe: Callscribe

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/connections") { _, context in
            let user = try context.requireUser()
            let connections = try await self.callscribe.store.connections(of: user.accountID)
            return try JSONResponse.make(["connections": connections.map { ["id": $0.id.rawValue, "kind": $0.kind, "baseUrl": $0.baseURL] }])
        }
        router.get("/api/contacts") { request, context in
            let user = try context.requireUser()
            let phone = request.uri.queryParameters["phone"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let name = request.uri.queryParameters["name"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let contacts: [Contact]
            switch (phone, name) {
            case (.some(let phone), nil): contacts = try await self.callscribe.findContacts(phone: phone, for: user)
            case (nil, .some(let name)): contacts = try await self.callscribe.findContacts(name: name, for: user)
            case (.some, .some):
                throw APIError(.badRequest, code: "invalid_field", message: "give either phone or name, not both.", field: "name")
            case (nil, nil):
                throw APIError(.badRequest, code: "invalid_field", message: "phone or name is required: the number or the name to look up.", field: "phone")
            }
            return try JSONResponse.make(["contacts": contacts.map { ["id": $0.id.rawValue, "name": $0.name, "kind": $0.kind.rawValue] }])
        }
    }
}
