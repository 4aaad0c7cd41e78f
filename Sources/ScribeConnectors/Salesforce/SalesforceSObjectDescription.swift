import ScribeCore

/// The answer to `GET /services/data/vNN.0/sobjects/{type}/describe` (`DescribeSObjectResult`),
/// read for its fields only.
struct SalesforceSObjectDescription: Decodable, Sendable {
    struct Field: Decodable, Sendable {
        struct PicklistValue: Decodable, Sendable {
            var value: String
            var label: String?
            var active: Bool
        }

        var name: String
        var label: String?
        /// `string`, `textarea`, `double`, `int`, `currency`, `percent`, `picklist`, `date`, `reference`…
        var type: String
        var custom: Bool
        var createable: Bool
        var updateable: Bool
        var calculated: Bool
        var picklistValues: [PicklistValue]?
    }

    var fields: [Field]

    /// The describe types whose values are numbers in Salesforce's JSON.
    static let numberTypes: Set<String> = ["double", "int", "currency", "percent"]

    /// The names of the number fields, lowercased (Salesforce matches field names case-insensitively).
    var numberFields: Set<String> {
        Set(self.fields.filter { SalesforceSObjectDescription.numberTypes.contains($0.type) }.map { $0.name.lowercased() })
    }
}

extension SalesforceSObjectDescription.Field {
    /// This field as a custom field, or nil when people cannot fill it in on a logged call: standard
    /// fields, formula (calculated) fields, fields that cannot be both set on create and changed
    /// later, and kinds the engine has no field for (dates, checkboxes, lookups, multi-select picklists).
    var customField: CustomField? {
        guard self.custom, self.createable, self.updateable, !self.calculated else { return nil }
        let label = self.label.flatMap { $0.isEmpty ? nil : $0 } ?? self.name
        switch self.type {
        case "string", "textarea":
            return CustomField(key: self.name, label: label, kind: .text)
        case _ where SalesforceSObjectDescription.numberTypes.contains(self.type):
            return CustomField(key: self.name, label: label, kind: .number)
        case "picklist":
            // Inactive values stay on old records but can no longer be chosen.
            let options = (self.picklistValues ?? []).filter(\.active).map { CustomField.Option(value: $0.value, label: $0.label ?? $0.value) }
            return options.isEmpty ? nil : CustomField(key: self.name, label: label, kind: .choice, options: options)
        default:
            return nil
        }
    }
}
