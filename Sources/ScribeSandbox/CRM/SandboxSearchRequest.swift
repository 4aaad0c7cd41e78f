/// The body of `POST /crm/v3/objects/{type}/search` as the sandbox reads it.
struct SandboxSearchRequest: Decodable, Sendable {
    struct FilterGroup: Decodable, Sendable {
        var filters: [SandboxSearchFilter]
    }

    /// `{propertyName, direction}`, or the string form `"-createdate"` (descending) / `"createdate"`.
    struct Sort: Decodable, Sendable {
        var propertyName: String
        var descending: Bool

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self.descending = text.hasPrefix("-")
                self.propertyName = self.descending ? String(text.dropFirst()) : text
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.propertyName = try container.decode(String.self, forKey: .propertyName)
            self.descending = try container.decodeIfPresent(String.self, forKey: .direction) == "DESCENDING"
        }

        private enum CodingKeys: String, CodingKey {
            case propertyName, direction
        }
    }

    var filterGroups: [FilterGroup]
    var sorts: [Sort]
    var properties: [String]?
    var limit: Int?
    var after: String?
    var query: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.filterGroups = try container.decodeIfPresent([FilterGroup].self, forKey: .filterGroups) ?? []
        self.sorts = try container.decodeIfPresent([Sort].self, forKey: .sorts) ?? []
        self.properties = try container.decodeIfPresent([String].self, forKey: .properties)
        self.limit = try container.decodeIfPresent(Int.self, forKey: .limit)
        self.after = try container.decodeIfPresent(SandboxPropertyValue.self, forKey: .after)?.text
        self.query = try container.decodeIfPresent(String.self, forKey: .query)
    }

    private enum CodingKeys: String, CodingKey {
        case filterGroups, sorts, properties, limit, after, query
    }

    /// HubSpot's limits: at most 5 groups, 6 filters per group, 200 results per page.
    func validate() throws(HubSpotSandboxError) {
        guard self.filterGroups.count <= 5 else {
            throw .invalidInput("Too many filter groups: \(self.filterGroups.count); the maximum is 5")
        }
        for group in self.filterGroups {
            guard group.filters.count <= 6 else {
                throw .invalidInput("Too many filters in a group: \(group.filters.count); the maximum is 6")
            }
            for filter in group.filters { try filter.validate() }
        }
        if let limit = self.limit, !(1...200).contains(limit) {
            throw .invalidInput("limit must be between 1 and 200, got \(limit)")
        }
    }

    /// Whether an object with `properties` is in the result: groups OR'd, filters AND'd, and the
    /// free-text query (see ``SandboxTextQuery``) over the `searchable` properties, or over all of
    /// them when that is nil.
    func matches(_ properties: [String: String], searchable: [String]? = nil) -> Bool {
        let filtered = self.filterGroups.isEmpty || self.filterGroups.contains { group in group.filters.allSatisfy { $0.matches(properties) } }
        guard filtered else { return false }
        guard let query = self.query.map(SandboxTextQuery.init), !query.isEmpty else { return true }
        let texts = searchable.map { names in names.compactMap { properties[$0] } } ?? Array(properties.values)
        return query.matches(texts)
    }
}
