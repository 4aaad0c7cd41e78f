import Foundation

/// A contact in the HubSpot sandbox, with the properties HubSpot would hold, calculated ones included.
public struct SandboxContact: Sendable, Hashable {
    /// A numeric string, as HubSpot's ids are.
    public var id: String
    public var properties: [String: String]

    public init(id: String, properties: [String: String]) {
        self.id = id
        self.properties = properties
    }

    /// `firstname lastname`.
    public var name: String {
        [self.properties["firstname"], self.properties["lastname"]].compactMap { $0 }.joined(separator: " ")
    }

    var createdAt: String { self.properties["createdate"] ?? "" }
    var updatedAt: String { self.properties["lastmodifieddate"] ?? "" }
}
