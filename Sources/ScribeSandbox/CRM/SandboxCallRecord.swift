import Foundation

/// A call engagement as the HubSpot sandbox stored it: exactly the properties it received (creates
/// and later updates merged), the contacts it was associated with, and when.
public struct SandboxCallRecord: Sendable, Hashable, Codable {
    /// A numeric string, as HubSpot's ids are.
    public var id: String
    /// The properties as the client sent them; HubSpot's own (`hs_object_id`, `hs_createdate`…) are not included.
    public var properties: [String: String]
    /// The ids of the associated contacts.
    public var contactIDs: [String]
    /// The ids of the associated deals (call → deal, type 206); nil when none, and in journals written
    /// before deals existed.
    public var dealIDs: [String]?
    /// The wall-clock time the sandbox accepted the create (used to measure end-to-end latency).
    public var createdAt: Date
    /// The wall-clock time of the last create or update.
    public var updatedAt: Date

    public init(id: String, properties: [String: String], contactIDs: [String], dealIDs: [String]? = nil, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.properties = properties
        self.contactIDs = contactIDs
        self.dealIDs = dealIDs
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The properties HubSpot returns: the stored ones plus those HubSpot maintains itself.
    var apiProperties: [String: String] {
        var properties = self.properties
        properties["hs_object_id"] = self.id
        properties["hs_createdate"] = HubSpotSandboxDate.format(self.createdAt)
        properties["hs_lastmodifieddate"] = HubSpotSandboxDate.format(self.updatedAt)
        return properties
    }
}
