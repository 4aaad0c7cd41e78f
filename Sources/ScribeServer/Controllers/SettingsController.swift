import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// A person's settings, the account's admin settings and its users.
struct SettingsController {
    let callscribe: Callscribe

    struct NewUser: Decodable {
        var email: String
        var name: String
        var password: String
        var role: Role?
        var extensionId: String?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/settings") { _, context in
            try JSONResponse.make(try await self.callscribe.settingsView(for: try context.requireUser()))
        }
        router.put("/api/settings") { request, context in
            let user = try context.requireUser()
            let change = try await JSONRequest.decode(PersonalSettings.self, from: request)
            return try JSONResponse.make(try await self.callscribe.saveSettings(change, for: user))
        }
        router.get("/api/admin/settings") { _, context in
            try JSONResponse.make(try await self.callscribe.accountSettings(as: try context.requireAdmin()))
        }
        router.put("/api/admin/settings") { request, context in
            let admin = try context.requireAdmin()
            let settings = try await JSONRequest.decode(AccountSettings.self, from: request)
            return try JSONResponse.make(try await self.callscribe.saveAccountSettings(settings, as: admin))
        }
        router.get("/api/admin/users") { _, context in
            let admin = try context.requireAdmin()
            return try JSONResponse.make(["users": try await self.callscribe.people.users(of: admin.accountID).map(UserView.init)])
        }
        router.post("/api/admin/users") { request, context in
            let admin = try context.requireAdmin()
            let body = try await JSONRequest.decode(NewUser.self, from: request)
            let extensionID = try await self.extensionOfAccount(body.extensionId, admin: admin)
            let user = try await self.callscribe.createUser(
                email: body.email, name: body.name, password: body.password, role: body.role ?? .agent, accountID: admin.accountID,
                extensionID: extensionID
            )
            return try JSONResponse.make(UserView(user), status: .created)
        }
        router.get("/api/extensions") { _, context in
            let user = try context.requireUser()
            let extensions = try await self.callscribe.store.extensions(of: user.accountID)
            return try JSONResponse.make(["extensions": extensions.map { ["id": $0.id.rawValue, "extensionNumber": $0.extensionNumber, "name": $0.name] }])
        }
    }

    /// The extension id, checked to be one of the admin's account.
    private func extensionOfAccount(_ id: String?, admin: User) async throws -> ExtensionID? {
        guard let id, !id.isEmpty else { return nil }
        let extensions = try await self.callscribe.store.extensions(of: admin.accountID)
        guard extensions.contains(where: { $0.id.rawValue == id }) else {
            throw APIError(.badRequest, code: "invalid_field", message: "extensionId '\(id)' is not an extension of your account.", field: "extensionId")
        }
        return ExtensionID(id)
    }
}
