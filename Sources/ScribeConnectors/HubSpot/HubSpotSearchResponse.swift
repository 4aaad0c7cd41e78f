/// The answer to a search (`CollectionResponseWithTotalSimplePublicObjectForwardPaging`).
struct HubSpotSearchResponse: Decodable, Sendable {
    var total: Int
    var results: [HubSpotObject]
}
