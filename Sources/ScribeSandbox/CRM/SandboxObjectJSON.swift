/// A CRM object as HubSpot answers it (`SimplePublicObject`), with `associations` when asked for.
struct SandboxObjectJSON: Encodable, Sendable {
    struct AssociationList: Encodable, Sendable {
        struct Item: Encodable, Sendable {
            var id: String
            var type: String
        }

        var results: [Item]
    }

    var id: String
    var properties: [String: String?]
    var createdAt: String
    var updatedAt: String
    var archived = false
    var associations: [String: AssociationList]?

    /// `properties` narrowed to `selected`; a requested property the object lacks is `null`, as in HubSpot.
    init(id: String, properties: [String: String], selected: [String], createdAt: String, updatedAt: String) {
        self.id = id
        self.properties = Dictionary(selected.map { ($0, properties[$0]) }, uniquingKeysWith: { first, _ in first })
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
