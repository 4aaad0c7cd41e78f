import Foundation
import ScribeCore

/// A call outcome as `GET /calling/v1/dispositions` lists it: a bare array of `{id, label}`.
struct HubSpotDisposition: Decodable, Sendable {
    var id: String
    var label: String
    /// Not in HubSpot's documented shape, but tolerated: a disposition marked deleted is not offered.
    var deleted: Bool?
}

/// One page of `GET /crm/v3/owners` (`CollectionResponsePublicOwnerForwardPaging`).
struct HubSpotOwnerPage: Decodable, Sendable {
    struct Owner: Decodable, Sendable {
        /// The id records are assigned with (`hubspot_owner_id`); not `userId`, which HubSpot refuses there.
        var id: String
        var email: String?
        var firstName: String?
        var lastName: String?
        var archived: Bool?
    }

    struct Paging: Decodable, Sendable {
        struct Next: Decodable, Sendable { var after: String }
        var next: Next?
    }

    var results: [Owner]
    var paging: Paging?
}

extension HubSpotOwnerPage.Owner {
    var user: CRMUser {
        let name = [self.firstName, self.lastName].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        return CRMUser(id: self.id, name: name.isEmpty ? (self.email ?? "Owner \(self.id)") : name, email: self.email ?? "", active: self.archived != true)
    }
}
