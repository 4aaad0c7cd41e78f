/// A property definition as HubSpot answers `GET /crm/v3/properties/{objectType}` (`Property`), and
/// the checks HubSpot makes of a value written to it.
struct HubSpotSandboxProperty: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        var label: String
        var value: String
        var displayOrder: Int
        var hidden = false
        var description = ""
    }

    struct ModificationMetadata: Encodable, Sendable {
        var archivable: Bool
        var readOnlyDefinition: Bool
        var readOnlyValue: Bool
    }

    var name: String
    var label: String
    var type: String
    var fieldType: String
    var groupName: String
    var description = ""
    var options: [Option] = []
    var displayOrder = -1
    var hidden = false
    var calculated = false
    /// The options come from elsewhere (owners, for `hubspot_owner_id`): no value is checked against `options`.
    var externalOptions = false
    var hasUniqueValue = false
    var formField = false
    var archived = false
    /// `true` on HubSpot's own properties and absent (`nil`) on those an account or an app created, as HubSpot answers.
    var hubspotDefined: Bool?
    var modificationMetadata: ModificationMetadata
    var createdAt = "2024-01-01T10:00:00Z"
    var updatedAt = "2024-01-01T10:00:00Z"

    /// One of HubSpot's own call properties.
    static func hubspot(_ name: String, _ label: String, type: String, fieldType: String, options: [String] = [], readOnly: Bool = false) -> HubSpotSandboxProperty {
        HubSpotSandboxProperty(
            name: name, label: label, type: type, fieldType: fieldType, groupName: "call",
            options: options.enumerated().map { Option(label: $0.element, value: $0.element, displayOrder: $0.offset) },
            hubspotDefined: true,
            modificationMetadata: ModificationMetadata(archivable: false, readOnlyDefinition: true, readOnlyValue: readOnly)
        )
    }

    /// A property an account or an app created; a calculated one is read-only too.
    static func custom(
        _ name: String, _ label: String, type: String, fieldType: String, options: [Option] = [],
        hidden: Bool = false, calculated: Bool = false, readOnly: Bool = false
    ) -> HubSpotSandboxProperty {
        HubSpotSandboxProperty(
            name: name, label: label, type: type, fieldType: fieldType, groupName: "callinformation", options: options,
            hidden: hidden, calculated: calculated, formField: !hidden && !calculated && !readOnly,
            modificationMetadata: ModificationMetadata(archivable: true, readOnlyDefinition: false, readOnlyValue: readOnly || calculated)
        )
    }

    /// HubSpot maintains the value (or computes it): accepted in a request but never stored from it.
    var isReadOnly: Bool { self.calculated || self.modificationMetadata.readOnlyValue }

    /// What is wrong with `value` for this property, if anything. An empty value clears a property
    /// and is always accepted; read-only properties are not checked, as their values are dropped.
    func problem(with value: String) -> HubSpotSandboxError.PropertyProblem? {
        guard !value.isEmpty, !self.isReadOnly else { return nil }
        switch self.type {
        case "number":
            guard Double(value) == nil else { return nil }
            // The wording and code HubSpot answers for a number property (INVALID_INTEGER even for decimals).
            return .init(name: self.name, error: "INVALID_INTEGER", message: "\(value) was not a valid number.")
        case "enumeration" where !self.externalOptions:
            let allowed = Set(self.options.map(\.value))
            // Multiple checkboxes take several values separated by `;`.
            let chosen = self.fieldType == "checkbox" ? value.split(separator: ";").map(String.init) : [value]
            guard let bad = chosen.first(where: { !allowed.contains($0) }) else { return nil }
            return .init(name: self.name, error: "INVALID_OPTION", message: "\(bad) was not one of the allowed options: [\(allowed.sorted().joined(separator: ", "))]")
        default:
            return nil
        }
    }
}

/// `GET /crm/v3/properties/{objectType}`'s body: `{results}`, every property at once.
struct HubSpotSandboxPropertyList: Encodable, Sendable {
    var results: [HubSpotSandboxProperty]
}
