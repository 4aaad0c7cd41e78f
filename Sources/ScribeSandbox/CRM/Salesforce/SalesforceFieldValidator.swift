import Foundation

/// Checks a Task's fields the way Salesforce does before it inserts one.
enum SalesforceTaskValidator {
    enum FieldType {
        case text(maxLength: Int)
        case picklist(Set<String>, restricted: Bool)
        case date
        case integer
        case reference(keyPrefixes: Set<String>, label: String)
    }

    /// The writable Task fields (B3 of the API facts), by their API names.
    static let fields: [String: FieldType] = [
        "Subject": .text(maxLength: 255),
        "Description": .text(maxLength: 32_000),
        "ActivityDate": .date,
        "Status": .picklist(["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"], restricted: false),
        "Priority": .picklist(["High", "Normal", "Low"], restricted: false),
        "OwnerId": .reference(keyPrefixes: ["005"], label: "Assigned To ID"),
        "WhoId": .reference(keyPrefixes: ["003", "00Q"], label: "Name ID"),
        "WhatId": .reference(keyPrefixes: ["001", "006", "500"], label: "Related To ID"),
        "CallDurationInSeconds": .integer,
        "CallType": .picklist(["Internal", "Inbound", "Outbound"], restricted: true),
        "CallDisposition": .text(maxLength: 255),
        "CallObject": .text(maxLength: 255),
        "Type": .picklist(["Call", "Email", "Meeting", "Other"], restricted: false),
        "TaskSubtype": .picklist(["Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn"], restricted: true),
    ]

    /// Maintained by Salesforce: a create that sets them is refused.
    static let readOnlyFields = ["Id", "AccountId", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp", "IsClosed", "IsDeleted"]

    private static let byLowercase: [String: String] = Dictionary(
        uniqueKeysWithValues: (Array(SalesforceTaskValidator.fields.keys) + SalesforceTaskValidator.readOnlyFields).map { ($0.lowercased(), $0) }
    )

    /// The API name of `field`, which Salesforce matches case-insensitively, or `nil` for no such field.
    static func canonicalName(_ field: String) -> String? {
        SalesforceTaskValidator.byLowercase[field.lowercased()]
    }

    /// The fields to store, keyed by API name, or Salesforce's 400 listing every problem.
    ///
    /// - Parameter personExists: whether a contact or lead with a 15-character id exists.
    static func validated(_ body: [String: SalesforceFieldValue], personExists: (String) -> Bool) throws(SalesforceSandboxError) -> [String: SalesforceFieldValue] {
        typealias Item = SalesforceSandboxError.Item
        var problems: [Item] = []
        var stored: [String: SalesforceFieldValue] = [:]
        for (key, value) in body.sorted(by: { $0.key < $1.key }) {
            guard let name = SalesforceTaskValidator.canonicalName(key) else {
                problems.append(Item(message: "No such column '\(key)' on sobject of type Task", errorCode: "INVALID_FIELD", fields: [key]))
                continue
            }
            guard let type = SalesforceTaskValidator.fields[name] else {
                let message = "Unable to create/update fields: \(name). Please check the security settings of this field and verify that it is read/write for your profile or permission set."
                problems.append(Item(message: message, errorCode: "INVALID_FIELD_FOR_INSERT_UPDATE", fields: [name]))
                continue
            }
            if let problem = SalesforceTaskValidator.problem(name: name, type: type, value: value, personExists: personExists) {
                problems.append(problem)
            } else {
                stored[name] = value
            }
        }
        // Status is required; it has a default, so only an explicit null or blank is missing.
        if let status = stored["Status"], status == .null || status == .string("") {
            problems.append(Item(message: "Required fields are missing: [Status]", errorCode: "REQUIRED_FIELD_MISSING", fields: ["Status"]))
        }
        guard problems.isEmpty else { throw SalesforceSandboxError(status: 400, items: problems) }
        return stored
    }

    private static func problem(name: String, type: FieldType, value: SalesforceFieldValue, personExists: (String) -> Bool) -> SalesforceSandboxError.Item? {
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
        case .picklist(let options, let restricted):
            guard let text = value.text else { return wrongType("string") }
            if restricted, !text.isEmpty, !options.contains(text) {
                return Item(message: "bad value for restricted picklist field: \(text)", errorCode: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", fields: [name])
            }
        case .date:
            guard let text = value.text, !text.isEmpty else { return value.text == "" ? nil : wrongType("date") }
            if !SalesforceTaskValidator.isDate(text) {
                return Item(message: "Cannot deserialize instance of date from VALUE_STRING value \(text) or request may be missing a required field", errorCode: "JSON_PARSER_ERROR", fields: [name])
            }
        case .integer:
            guard case .number(let number) = value, number.rounded() == number else { return wrongType("int") }
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
