/// The body of `POST /crm/v3/objects/{type}/search` (HubSpot's `PublicObjectSearchRequest`).
///
/// Filter groups are OR'd; the filters inside one group are AND'd.
struct HubSpotSearchRequest: Encodable, Sendable {
    struct FilterGroup: Encodable, Sendable {
        var filters: [Filter]
    }

    struct Filter: Encodable, Sendable {
        var propertyName: String
        var `operator`: String
        var value: String?
        var values: [String]?

        /// `propertyName` equals `value`.
        static func equals(_ propertyName: String, _ value: String) -> Filter {
            Filter(propertyName: propertyName, operator: "EQ", value: value)
        }
    }

    var filterGroups: [FilterGroup]
    var properties: [String]
    var limit: Int
    var after: String?
    /// HubSpot's free text, matched against the start of words in the object's default searchable
    /// properties (for contacts: names, emails, phone numbers, company); left out when nil.
    var query: String?
}
