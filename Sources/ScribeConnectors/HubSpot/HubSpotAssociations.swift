/// The answer to `GET /crm/v4/objects/{type}/{id}/associations/{toType}`
/// (`CollectionResponseMultiAssociatedObjectWithLabelForwardPaging`): the associated ids, each with its labels.
struct HubSpotAssociations: Decodable, Sendable {
    struct Target: Decodable, Sendable {
        /// An integer in HubSpot's answer.
        var toObjectId: Int64
    }

    var results: [Target]
}

/// The body of `POST /crm/v3/objects/{type}/batch/read`: the ids, and the properties to read.
struct HubSpotBatchReadInput: Encodable, Sendable {
    struct Input: Encodable, Sendable {
        var id: String
    }

    var properties: [String]
    var inputs: [Input]
}

/// The answer to a batch read (`BatchResponseSimplePublicObject`); ids not found are left out of `results`.
struct HubSpotBatchReadResponse: Decodable, Sendable {
    var status: String?
    var results: [HubSpotObject]
}
