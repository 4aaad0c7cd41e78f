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
            guard let phone = request.uri.queryParameters["phone"].map(String.init), !phone.isEmpty else {
                throw APIError(.badRequest, code: "invalid_field", message: "phone is required: the number to look up.", field: "phone")
            }
            let contacts = try await self.callscribe.findContacts(phone: phone, for: user)
            return try JSONResponse.make(["contacts": contacts.map { ["id": $0.id.rawValue, "name": $0.name] }])
        }
    }
}
