import Foundation
import Hummingbird

extension HubSpotSandbox {
    /// `GET /calling/v1/dispositions` (a bare array of `{id, label}`) and `GET /crm/v3/owners`
    /// (`limit` ≤ 500, default 100; `after`; `archived` true lists only deactivated owners).
    func addDirectoryRoutes(to router: Router<BasicRequestContext>) {
        router.get("/calling/v1/dispositions") { request, _ in
            await self.serve(request, operation: "dispositions.list") { _ throws(HubSpotSandboxError) in
                .json(200, self.directory.dispositions.map { HubSpotSandboxDisposition(id: $0.id, label: $0.label) })
            }
        }
        router.get("/crm/v3/owners") { request, _ in
            let query = request.uri.queryParameters
            return await self.serve(request, operation: "owners.list") { _ throws(HubSpotSandboxError) in
                guard let limit = query.get("limit").map({ Int($0) }) ?? 100, (1...500).contains(limit) else {
                    throw .invalidInput("limit must be an integer between 1 and 500")
                }
                guard let start = query.get("after").map({ Int($0) }) ?? 0, start >= 0 else { throw .invalidInput("after is not a valid paging cursor") }
                let archived = query.get("archived") == "true"
                let owners = self.directory.users.filter { $0.active != archived }
                let page = owners.dropFirst(start).prefix(limit)
                let next = start + page.count < owners.count ? HubSpotSandboxOwnerPage.Paging(next: .init(after: String(start + page.count))) : nil
                return .json(200, HubSpotSandboxOwnerPage(results: page.map(HubSpotSandboxOwnerPage.Owner.init), paging: next))
            }
        }
    }
}

struct HubSpotSandboxDisposition: Encodable {
    var id: String
    var label: String
}

/// `CollectionResponsePublicOwnerForwardPaging`.
struct HubSpotSandboxOwnerPage: Encodable {
    struct Owner: Encodable {
        var id: String
        var email: String
        var type = "PERSON"
        var firstName: String
        var lastName: String
        var userId: Int
        var userIdIncludingInactive: Int
        var createdAt = "2024-01-15T09:00:00.000Z"
        var updatedAt = "2024-01-15T09:00:00.000Z"
        var archived: Bool

        init(_ user: SandboxCRMDirectory.User) {
            self.id = String(41_629_000 + user.number)
            self.email = user.email
            self.firstName = user.firstName
            self.lastName = user.lastName
            self.userId = 9_586_000 + user.number
            self.userIdIncludingInactive = self.userId
            self.archived = !user.active
        }
    }

    struct Paging: Encodable {
        struct Next: Encodable { var after: String }
        var next: Next?
    }

    var results: [Owner]
    var paging: Paging?
}
