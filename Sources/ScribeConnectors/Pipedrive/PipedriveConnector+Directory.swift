import Foundation
import ScribeCore

extension PipedriveConnector {
    /// The company's active users (`GET /api/v1/users`, which lists them all at once; Pipedrive has
    /// no v2 users endpoint).
    public func users() async throws(ConnectorError) -> [CRMUser] {
        let listed = try await self.get("/api/v1/users", query: [], as: [PipedriveUser].self, operation: "pipedrive.users").data
        return listed.filter { $0.activeFlag != false && $0.isDeleted != true }.map {
            CRMUser(id: String($0.id), name: $0.name ?? "User \($0.id)", email: $0.email ?? "", active: true)
        }
    }
}

/// A user as `GET /v1/users` returns one (the fields read).
struct PipedriveUser: Decodable, Sendable {
    var id: Int
    var name: String?
    var email: String?
    var activeFlag: Bool?
    var isDeleted: Bool?

    private enum CodingKeys: String, CodingKey {
        case id, name, email
        case activeFlag = "active_flag"
        case isDeleted = "is_deleted"
    }
}
