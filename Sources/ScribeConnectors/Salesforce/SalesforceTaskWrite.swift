import Foundation

/// The body of a Task create or update that carries custom-field values: `fields` (a
/// ``SalesforceTaskFields`` or ``SalesforceTaskUpdate``) and the values in the same JSON object.
///
/// Each value is written as the JSON its field takes: a number field's as a JSON number, any other
/// as text. Salesforce field names are unique case-insensitively, and custom fields end in `__c`, so
/// they cannot clash with the standard fields of `fields`.
struct SalesforceTaskWrite<Fields: Encodable & Sendable>: Encodable, Sendable {
    enum Value: Encodable, Sendable, Equatable {
        case text(String)
        case number(Double)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            }
        }
    }

    var fields: Fields
    var custom: [String: Value]

    /// `values` (already checked by the engine) typed by `description`: a value of a number field
    /// that reads as a finite number becomes a JSON number; everything else stays text, so that a
    /// field Salesforce lacks is refused by Salesforce itself, naming it.
    init(fields: Fields, values: [String: String], description: SalesforceSObjectDescription) {
        let numberFields = description.numberFields
        self.fields = fields
        self.custom = values.reduce(into: [:]) { typed, entry in
            let trimmed = entry.value.trimmingCharacters(in: .whitespaces)
            if numberFields.contains(entry.key.lowercased()), let number = Double(trimmed), number.isFinite {
                typed[entry.key] = .number(number)
            } else {
                typed[entry.key] = .text(entry.value)
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        try self.fields.encode(to: encoder)
        // A second keyed container on the same encoder adds to the object `fields` wrote.
        var container = encoder.container(keyedBy: FieldName.self)
        for (name, value) in self.custom.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: FieldName(name))
        }
    }

    private struct FieldName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { self.stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
