import ScribeCore

/// The body of `POST /crm/v3/objects/calls` (`SimplePublicObjectInputForCreate`).
struct HubSpotCallInput: Encodable, Sendable {
    struct Association: Encodable, Sendable {
        struct Target: Encodable, Sendable {
            var id: String
        }

        struct AssociationType: Encodable, Sendable {
            var associationCategory: String
            var associationTypeId: Int
        }

        var to: Target
        var types: [AssociationType]

        /// The HubSpot-defined call → contact association (type 194).
        static func callToContact(_ contactID: String) -> Association {
            Association(to: Target(id: contactID), types: [AssociationType(associationCategory: "HUBSPOT_DEFINED", associationTypeId: 194)])
        }

        /// The HubSpot-defined call → deal association (type 206; deal → call is 205).
        static func callToDeal(_ dealID: String) -> Association {
            Association(to: Target(id: dealID), types: [AssociationType(associationCategory: "HUBSPOT_DEFINED", associationTypeId: 206)])
        }
    }

    var properties: [String: String]
    var associations: [Association]

    /// Call → contact, and call → deal when a person chose one.
    static func associations(for entry: CallLogEntry) -> [Association] {
        [.callToContact(entry.contact.id.rawValue)] + (entry.relatedRecord.map { [.callToDeal($0.id)] } ?? [])
    }
}
