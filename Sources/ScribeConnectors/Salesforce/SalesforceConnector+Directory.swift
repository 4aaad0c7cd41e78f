import Foundation
import NIOHTTP1
import ScribeCore

extension SalesforceConnector {
    /// The values of the Task's `CallDisposition` when the org made it a picklist (its active values,
    /// from `GET …/sobjects/Task/describe`); empty when it is the standard free-text field, in which
    /// case any text of up to 255 characters is written as it is.
    public func dispositions() async throws(ConnectorError) -> [CallDisposition] {
        let description = try await self.describeTask(operation: "salesforce.dispositions")
        guard let field = description.fields.first(where: { $0.name == "CallDisposition" }), field.type == "picklist" else { return [] }
        return (field.picklistValues ?? []).filter(\.active).map { CallDisposition(id: $0.value, label: $0.label ?? $0.value) }
    }

    /// The org's active users: `SELECT Id, Name, Email, IsActive FROM User WHERE IsActive = true`.
    public func users() async throws(ConnectorError) -> [CRMUser] {
        let found = try await self.get("query", query: SalesforceQuery.activeUsers, as: SalesforceUserQueryResponse.self, operation: "salesforce.users")
        return found.records.map { CRMUser(id: $0.id, name: $0.name ?? $0.id, email: $0.email ?? "", active: $0.isActive ?? true) }
    }
}

/// The answer to the users query.
struct SalesforceUserQueryResponse: Decodable, Sendable {
    struct User: Decodable, Sendable {
        var id: String
        var name: String?
        var email: String?
        var isActive: Bool?

        private enum CodingKeys: String, CodingKey {
            case id = "Id"
            case name = "Name"
            case email = "Email"
            case isActive = "IsActive"
        }
    }

    var records: [User]
}
