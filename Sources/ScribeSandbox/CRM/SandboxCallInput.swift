/// The body of a create or update, of a call or a contact: `{properties, associations?}`.
struct SandboxCallInput: Decodable, Sendable {
    struct Association: Decodable, Sendable {
        struct Target: Decodable, Sendable {
            var id: SandboxPropertyValue
        }

        struct AssociationType: Decodable, Sendable {
            var associationCategory: String
            var associationTypeId: Int
        }

        var to: Target
        var types: [AssociationType]
    }

    var properties: [String: SandboxPropertyValue]
    var associations: [Association]?

    var propertyValues: [String: String] { self.properties.mapValues(\.text) }
}
