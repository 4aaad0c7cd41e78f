import Foundation

/// `GET …/sobjects/{type}/describe`: an sObject's fields as Salesforce describes them
/// (`DescribeSObjectResult`), derived from its ``SalesforceSObjectSchema``.
extension SalesforceSandbox {
    struct DescribeJSON: Encodable {
        var name: String
        var label: String
        var labelPlural: String
        var keyPrefix: String
        var custom = false
        var createable = true
        var updateable = true
        var queryable = true
        var fields: [FieldJSON]
        var urls: [String: String]
    }

    /// One field: its name, label and type, whether it is custom, and what may be done with it.
    struct FieldJSON: Encodable {
        struct PicklistValueJSON: Encodable {
            var active: Bool
            var defaultValue = false
            var label: String
            var value: String
        }

        var name: String
        var label: String
        var type: String
        var length: Int
        var custom: Bool
        var createable: Bool
        var updateable: Bool
        var calculated: Bool
        var nillable: Bool
        var picklistValues: [PicklistValueJSON]
        var restrictedPicklist: Bool
    }

    /// `schema` described: `Id`, the writable fields, the formula fields, then the other fields
    /// Salesforce maintains. The sandbox keeps no labels, so each is made from the API name the way
    /// Salesforce makes API names from labels (`Call_Topic__c` ← "Call Topic").
    func describe(_ schema: SalesforceSObjectSchema, keyPrefix: String, plural: String, version: String) -> DescribeJSON {
        let writable = schema.fields.keys.sorted().map { name in
            let updateable = !schema.createOnlyFields.contains(name)
            return SalesforceSandbox.field(name, type: schema.fields[name]!, createable: true, updateable: updateable, calculated: false)
        }
        let calculated = schema.calculatedFields.keys.sorted().map { name in
            SalesforceSandbox.field(name, type: schema.calculatedFields[name]!, createable: false, updateable: false, calculated: true)
        }
        let maintained = schema.readOnlyFields.map { name in
            FieldJSON(
                name: name, label: SalesforceSandbox.label(name), type: SalesforceSandbox.maintainedType(name), length: name == "Id" ? 18 : 0,
                custom: false, createable: false, updateable: false, calculated: false, nillable: name != "Id", picklistValues: [], restrictedPicklist: false
            )
        }
        let fields = maintained.filter { $0.name == "Id" } + writable + calculated + maintained.filter { $0.name != "Id" }
        let base = "/services/data/\(version)/sobjects/\(schema.name)"
        return DescribeJSON(
            name: schema.name, label: schema.name, labelPlural: plural, keyPrefix: keyPrefix, fields: fields,
            urls: ["sobject": base, "describe": base + "/describe", "rowTemplate": base + "/{ID}"]
        )
    }

    private static func field(_ name: String, type: SalesforceSObjectSchema.FieldType, createable: Bool, updateable: Bool, calculated: Bool) -> FieldJSON {
        var json = FieldJSON(
            name: name, label: SalesforceSandbox.label(name), type: "string", length: 0, custom: name.hasSuffix("__c"),
            createable: createable, updateable: updateable, calculated: calculated, nillable: true, picklistValues: [], restrictedPicklist: false
        )
        switch type {
        case .text(let maxLength):
            json.type = maxLength > 255 ? "textarea" : "string"
            json.length = maxLength
        case .picklist(let active, let restricted, let inactive):
            json.type = "picklist"
            json.length = 255
            json.restrictedPicklist = restricted
            json.picklistValues = active.sorted().map { .init(active: true, label: $0, value: $0) } + inactive.map { .init(active: false, label: $0, value: $0) }
        case .date: json.type = "date"
        case .integer: json.type = "int"
        case .number: json.type = "double"
        case .reference: json.type = "reference"
        }
        return json
    }

    /// The describe type of a field Salesforce maintains, from its name (`Id`, `…Date`, `…Id`, `Is…`).
    private static func maintainedType(_ name: String) -> String {
        if name == "Id" { return "id" }
        if name.hasSuffix("Date") || name == "SystemModstamp" { return "datetime" }
        if name.hasSuffix("Id") { return "reference" }
        if name.hasPrefix("Is") { return "boolean" }
        return "string"
    }

    /// "Call Topic" for `Call_Topic__c`, "Call Duration In Seconds" for `CallDurationInSeconds`.
    static func label(_ name: String) -> String {
        if name.hasSuffix("__c") { return name.dropLast(3).replacingOccurrences(of: "_", with: " ") }
        var label = ""
        for character in name {
            if character.isUppercase, let last = label.last, last.isLowercase { label.append(" ") }
            label.append(character)
        }
        return label
    }
}
