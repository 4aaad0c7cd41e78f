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
            let extensionID = try await self.callscribe.extensionOfAccount(body.extensionId ?? "", accountID: admin.accountID)
            let user = try await self.callscribe.createUser(
                email: body.email, name: body.name, password: body.password, role: body.role ?? .agent, accountID: admin.accountID,
                extensionID: extensionID
            )
            return try JSONResponse.make(UserView(user), status: .created)
        }
        router.patch("/api/admin/users/{id}") { request, context in
            let admin = try context.requireAdmin()
            let change = try await JSONRequest.decode(UserChange.self, from: request)
            let user = try await self.callscribe.updateUser(UserID(try context.parameters.require("id")), change, by: admin)
            return try JSONResponse.make(UserView(user))
        }
        router.delete("/api/admin/users/{id}") { _, context in
            try await self.callscribe.removeUser(UserID(try context.parameters.require("id")), by: try context.requireAdmin())
            return Response(status: .noContent)
        }
        router.put("/api/admin/users/{id}/password") { request, context in
            let admin = try context.requireAdmin()
            let body = try await JSONRequest.decode(PasswordReset.self, from: request)
            try await self.callscribe.resetPassword(of: UserID(try context.parameters.require("id")), to: body.newPassword, by: admin)
            return Response(status: .noContent)
        }
        router.get("/api/extensions") { _, context in
            let user = try context.requireUser()
            let extensions = try await self.callscribe.store.extensions(of: user.accountID)
            return try JSONResponse.make(["extensions": extensions.map { ["id": $0.id.rawValue, "extensionNumber": $0.extensionNumber, "name": $0.name] }])
        }
    }
}
