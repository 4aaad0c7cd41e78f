import Foundation

/// Checks a record's fields against its ``SalesforceSObjectSchema`` the way Salesforce does before an
/// insert or an update.
enum SalesforceFieldValidator {
    /// The fields to store, keyed by API name, or Salesforce's 400 listing every problem.
    ///
    /// - Parameters:
    ///   - isCreate: a create must carry the required fields that have no default, and may set create-only ones.
    ///   - personExists: whether a contact or lead with a 15-character id exists.
    static func validated(
        _ body: [String: SalesforceFieldValue],
        as schema: SalesforceSObjectSchema,
        isCreate: Bool,
        personExists: (String) -> Bool
    ) throws(SalesforceSandboxError) -> [String: SalesforceFieldValue] {
        typealias Item = SalesforceSandboxError.Item
        var problems: [Item] = []
        var given: [String: SalesforceFieldValue] = [:]
        var stored: [String: SalesforceFieldValue] = [:]
        for (key, value) in body.sorted(by: { $0.key < $1.key }) {
            guard let name = schema.canonicalName(key) else {
                problems.append(Item(message: "No such column '\(key)' on sobject of type \(schema.name)", errorCode: "INVALID_FIELD", fields: [key]))
                continue
            }
            guard let type = schema.fields[name], isCreate || !schema.createOnlyFields.contains(name) else {
                let message = "Unable to create/update fields: \(name). Please check the security settings of this field and verify that it is read/write for your profile or permission set."
                problems.append(Item(message: message, errorCode: "INVALID_FIELD_FOR_INSERT_UPDATE", fields: [name]))
                continue
            }
            given[name] = value
            if let problem = SalesforceFieldValidator.problem(name: name, type: type, value: value, personExists: personExists) {
                problems.append(problem)
            } else {
                stored[name] = value
            }
        }
        let missing = schema.requiredFields.filter { required in
            guard let value = given[required.name] else { return isCreate && !required.hasDefault }
            return value == .null || value.text?.allSatisfy(\.isWhitespace) == true
        }.map(\.name)
        if !missing.isEmpty {
            problems.append(Item(message: "Required fields are missing: [\(missing.joined(separator: ", "))]", errorCode: "REQUIRED_FIELD_MISSING", fields: missing))
        }
        guard problems.isEmpty else { throw SalesforceSandboxError(status: 400, items: problems) }
        return stored
    }

    private static func problem(name: String, type: SalesforceSObjectSchema.FieldType, value: SalesforceFieldValue, personExists: (String) -> Bool) -> SalesforceSandboxError.Item? {
        typealias Item = SalesforceSandboxError.Item
        if value == .null { return nil }
        func wrongType(_ expected: String) -> Item {
            Item(message: "Cannot deserialize instance of \(expected) from \(value) for field \(name)", errorCode: "JSON_PARSER_ERROR", fields: [name])
        }
        switch type {
        case .text(let maxLength):
            guard let text = value.text else { return wrongType("string") }
            if text.count > maxLength {
                return Item(message: "\(name): data value too large: \(text.prefix(40))… (max length=\(maxLength))", errorCode: "STRING_TOO_LONG", fields: [name])
            }
        case .picklist(let options, let restricted, _):
            guard let text = value.text else { return wrongType("string") }
            if restricted, !text.isEmpty, !options.contains(text) {
                return Item(message: "bad value for restricted picklist field: \(text)", errorCode: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", fields: [name])
            }
        case .date:
            guard let text = value.text, !text.isEmpty else { return value.text == "" ? nil : wrongType("date") }
            if !SalesforceFieldValidator.isDate(text) {
                return Item(message: "Cannot deserialize instance of date from VALUE_STRING value \(text) or request may be missing a required field", errorCode: "JSON_PARSER_ERROR", fields: [name])
            }
        case .integer:
            guard case .number(let number) = value, number.rounded() == number else { return wrongType("int") }
        case .number:
            // Whether Salesforce also reads a number out of a JSON string is not settled (its docs do
            // not say); the sandbox takes JSON numbers only, which Salesforce certainly accepts.
            guard case .number = value else { return wrongType("double") }
        case .reference(let keyPrefixes, let label):
            guard let text = value.text else { return wrongType("reference") }
            if text.isEmpty { return nil }
            guard let id15 = SalesforceSandboxID.canonical(text) else {
                return Item(message: "\(label): id value of incorrect type: \(text)", errorCode: "MALFORMED_ID", fields: [name])
            }
            guard keyPrefixes.contains(String(id15.prefix(3))) else {
                return Item(message: "\(label): id value of incorrect type: \(text)", errorCode: "FIELD_INTEGRITY_EXCEPTION", fields: [name])
            }
            // Only contacts and leads live in the sandbox; other references are taken on trust.
            if name == "WhoId", !personExists(id15) {
                return Item(message: "invalid cross reference id", errorCode: "INVALID_CROSS_REFERENCE_KEY", fields: [name])
            }
        }
        return nil
    }

    /// `yyyy-MM-dd`, a real day.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == year && back.month == month && back.day == day
    }
}
