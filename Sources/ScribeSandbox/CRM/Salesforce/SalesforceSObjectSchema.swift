/// What the sandbox knows of one sObject type: its writable fields and their types, the fields
/// Salesforce maintains itself, those that can only be set on create, and those a record must have.
struct SalesforceSObjectSchema: Sendable {
    enum FieldType: Sendable {
        case text(maxLength: Int)
        case picklist(Set<String>, restricted: Bool)
        case date
        case integer
        case reference(keyPrefixes: Set<String>, label: String)
    }

    /// The API name, e.g. `Task`.
    var name: String
    /// The writable fields, by API name.
    var fields: [String: FieldType]
    /// Maintained by Salesforce: a create or update that sets them is refused.
    var readOnlyFields: [String]
    /// Writable on create only: an update that sets them is refused.
    var createOnlyFields: Set<String>
    /// Fields a record must have, each with whether it has a default (so a create may leave it out).
    var requiredFields: [(name: String, hasDefault: Bool)]

    private let byLowercase: [String: String]

    init(name: String, fields: [String: FieldType], readOnlyFields: [String], createOnlyFields: Set<String> = [], requiredFields: [(name: String, hasDefault: Bool)]) {
        self.name = name
        self.fields = fields
        self.readOnlyFields = readOnlyFields
        self.createOnlyFields = createOnlyFields
        self.requiredFields = requiredFields
        self.byLowercase = Dictionary(uniqueKeysWithValues: (Array(fields.keys) + readOnlyFields).map { ($0.lowercased(), $0) })
    }

    /// The API name of `field`, which Salesforce matches case-insensitively, or `nil` for no such field.
    func canonicalName(_ field: String) -> String? {
        self.byLowercase[field.lowercased()]
    }

    /// A call Task (B3 of the API facts).
    static let task = SalesforceSObjectSchema(
        name: "Task",
        fields: [
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
        ],
        readOnlyFields: ["Id", "AccountId", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp", "IsClosed", "IsDeleted"],
        // The Task reference: TaskSubtype "can't be updated".
        createOnlyFields: ["TaskSubtype"],
        // Status is required, with a default: only an explicit null or blank is missing.
        requiredFields: [("Status", true)]
    )

    /// A Contact, with the fields a phone system's integration writes.
    static let contact = SalesforceSObjectSchema(
        name: "Contact",
        fields: [
            "FirstName": .text(maxLength: 40),
            "LastName": .text(maxLength: 80),
            "Phone": .text(maxLength: 40),
            "MobilePhone": .text(maxLength: 40),
            "HomePhone": .text(maxLength: 40),
            "OtherPhone": .text(maxLength: 40),
            "Email": .text(maxLength: 80),
            "Title": .text(maxLength: 128),
            "Department": .text(maxLength: 80),
            "Description": .text(maxLength: 32_000),
            "LeadSource": .picklist(["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"], restricted: false),
            "AccountId": .reference(keyPrefixes: ["001"], label: "Account ID"),
            "OwnerId": .reference(keyPrefixes: ["005"], label: "Owner ID"),
        ],
        // `Name` is compound: Salesforce builds it from the name fields.
        readOnlyFields: ["Id", "Name", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp", "IsDeleted"],
        requiredFields: [("LastName", false)]
    )
}
