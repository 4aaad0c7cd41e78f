import ScribeCore

/// One property definition from `GET /crm/v3/properties/{objectType}` (HubSpot's `Property`): as much
/// as it takes to tell a custom field people may fill in from the rest.
struct HubSpotPropertyDefinition: Decodable, Sendable {
    struct Option: Decodable, Sendable {
        var label: String
        var value: String
        var hidden: Bool?
        var displayOrder: Int?
    }

    struct ModificationMetadata: Decodable, Sendable {
        var readOnlyValue: Bool?
    }

    var name: String
    var label: String?
    /// `string`, `number`, `enumeration`, `date`, `datetime`, `bool`…
    var type: String
    /// How the value is entered: `text`, `textarea`, `number`, `select`, `radio`, `checkbox`…
    var fieldType: String
    var options: [Option]?
    var hidden: Bool?
    var calculated: Bool?
    /// True on HubSpot's own properties; absent on those an account or an app created.
    var hubspotDefined: Bool?
    var modificationMetadata: ModificationMetadata?

    /// This property as a custom field, or nil when people cannot fill it in by hand: HubSpot's own,
    /// hidden, calculated or read-only properties, those in `reserved` (an app's own, such as our
    /// marker), and kinds the engine has no field for (dates, checkboxes, multiple choice).
    func customField(reserved: Set<String>) -> CustomField? {
        guard self.hubspotDefined != true, self.hidden != true, self.calculated != true,
            self.modificationMetadata?.readOnlyValue != true, !reserved.contains(self.name)
        else { return nil }
        let label = self.label.flatMap { $0.isEmpty ? nil : $0 } ?? self.name
        switch (self.type, self.fieldType) {
        case ("string", "text"), ("string", "textarea"):
            return CustomField(key: self.name, label: label, kind: .text)
        case ("number", _):
            return CustomField(key: self.name, label: label, kind: .number)
        case ("enumeration", "select"), ("enumeration", "radio"):
            // Hidden options are kept for old values but no longer offered in HubSpot's own forms.
            let visible = (self.options ?? []).enumerated()
                .filter { $0.element.hidden != true }
                .sorted { ($0.element.displayOrder ?? Int.max, $0.offset) < ($1.element.displayOrder ?? Int.max, $1.offset) }
                .map { CustomField.Option(value: $0.element.value, label: $0.element.label) }
            return visible.isEmpty ? nil : CustomField(key: self.name, label: label, kind: .choice, options: visible)
        default:
            return nil
        }
    }
}

/// The answer to `GET /crm/v3/properties/{objectType}`: `{results}`, every property at once.
struct HubSpotPropertyList: Decodable, Sendable {
    var results: [HubSpotPropertyDefinition]
}
