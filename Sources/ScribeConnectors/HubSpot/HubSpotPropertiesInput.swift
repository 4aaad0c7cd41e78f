/// The body of a contact create (`POST /crm/v3/objects/contacts`) and of an object update
/// (`PATCH /crm/v3/objects/{type}/{id}`): HubSpot's `SimplePublicObjectInput`, properties only.
struct HubSpotPropertiesInput: Encodable, Sendable {
    var properties: [String: String]
}
