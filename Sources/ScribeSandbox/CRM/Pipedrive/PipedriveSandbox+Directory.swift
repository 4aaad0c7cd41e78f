import Foundation
import Hummingbird

extension PipedriveSandbox {
    /// `GET /v1/users` (also under `/api/v1`, as on a company domain): every user of the company, the
    /// deactivated ones with `active_flag: false`, in one unpaged list.
    func addDirectoryRoutes(to router: Router<BasicRequestContext>) {
        for path in ["/v1/users", "/api/v1/users"] {
            router.get(RouterPath(path)) { request, _ in
                await self.serve(request, operation: "users.list") { _, _ throws(PipedriveSandboxError) in
                    .json(200, PipedriveSandboxEnvelope(data: self.directory.users.map(PipedriveUserJSON.init), additionalData: nil))
                }
            }
        }
    }
}

/// A user as Pipedrive's v1 API renders one.
struct PipedriveUserJSON: Encodable {
    var id: Int
    var name: String
    var email: String
    var activeFlag: Bool
    var activated: Bool
    var isDeleted = false
    var isAdmin: Int
    var roleId = 1
    var timezoneName = "Europe/London"
    var defaultCurrency = "USD"
    var locale = "en_US"
    var lang = 1
    var created = "2024-01-15 09:00:00"
    var modified = "2024-01-15 09:00:00"

    init(_ user: SandboxCRMDirectory.User) {
        self.id = 20_000_000 + user.number
        self.name = user.name
        self.email = user.email
        self.activeFlag = user.active
        self.activated = user.active
        self.isAdmin = user.number == 1 ? 1 : 0
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, email, activated, locale, lang, created, modified
        case activeFlag = "active_flag"
        case isDeleted = "is_deleted"
        case isAdmin = "is_admin"
        case roleId = "role_id"
        case timezoneName = "timezone_name"
        case defaultCurrency = "default_currency"
    }
}
