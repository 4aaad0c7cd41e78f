import ScribeCore

/// One entry of `data` of `GET /api/v2/activityFields`: `{field_code, field_name, field_type,
/// is_custom_field, options?:[{id, label}]}`.
struct PipedriveActivityField: Decodable, Sendable {
    struct Option: Decodable, Sendable {
        var id: Int
        var label: String
    }

    /// The field's API name: a 40-character hash for a custom field.
    var fieldCode: String
    var fieldName: String?
    /// `varchar`, `text`, `double`, `monetary`, `enum`, `set`, `date`…
    var fieldType: String
    var isCustomField: Bool
    var options: [Option]?

    private enum CodingKeys: String, CodingKey {
        case options
        case fieldCode = "field_code"
        case fieldName = "field_name"
        case fieldType = "field_type"
        case isCustomField = "is_custom_field"
    }

    /// This field as a custom field, or nil for Pipedrive's own fields and for kinds the engine has no
    /// field for (dates, times, people, multiple options…). A choice's values are option ids, as text.
    var customField: CustomField? {
        guard self.isCustomField else { return nil }
        let label = self.fieldName.flatMap { $0.isEmpty ? nil : $0 } ?? self.fieldCode
        switch self.fieldType {
        case "varchar", "varchar_auto", "text":
            return CustomField(key: self.fieldCode, label: label, kind: .text)
        case "double", "int", "monetary":
            return CustomField(key: self.fieldCode, label: label, kind: .number)
        case "enum":
            let options = (self.options ?? []).map { CustomField.Option(value: String($0.id), label: $0.label) }
            return options.isEmpty ? nil : CustomField(key: self.fieldCode, label: label, kind: .choice, options: options)
        default:
            return nil
        }
    }
}
