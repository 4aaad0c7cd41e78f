/// What the sandbox knows of one sObject type: its writable fields and their types, the fields
/// Salesforce maintains or computes itself, those that can only be set on create, and those a record
/// must have. A field whose name ends in `__c` is a custom field, as in Salesforce.
struct SalesforceSObjectSchema: Sendable {
    enum FieldType: Sendable {
        case text(maxLength: Int)
        /// The active values, whether only they are accepted, and retired values that old records
        /// may still hold (listed by describe as inactive; a restricted picklist refuses them).
        case picklist(Set<String>, restricted: Bool, inactive: [String] = [])
        case date
        case integer
        /// A decimal number (`double`; currency and percent fields are alike on the wire).
        case number
        case reference(keyPrefixes: Set<String>, label: String)
    }

    /// The API name, e.g. `Task`.
    var name: String
    /// The writable fields, by API name.
    var fields: [String: FieldType]
    /// Maintained by Salesforce: a create or update that sets them is refused.
    var readOnlyFields: [String]
    /// Formula fields, computed by Salesforce: read-only like ``readOnlyFields``, but with a type.
    var calculatedFields: [String: FieldType]
    /// Writable on create only: an update that sets them is refused.
    var createOnlyFields: Set<String>
    /// Fields a record must have, each with whether it has a default (so a create may leave it out).
    var requiredFields: [(name: String, hasDefault: Bool)]

    private let byLowercase: [String: String]

    init(
        name: String, fields: [String: FieldType], readOnlyFields: [String], calculatedFields: [String: FieldType] = [:],
        createOnlyFields: Set<String> = [], requiredFields: [(name: String, hasDefault: Bool)]
    ) {
        self.name = name
        self.fields = fields
        self.readOnlyFields = readOnlyFields
        self.calculatedFields = calculatedFields
        self.createOnlyFields = createOnlyFields
        self.requiredFields = requiredFields
        let names = Array(fields.keys) + readOnlyFields + Array(calculatedFields.keys)
        self.byLowercase = Dictionary(uniqueKeysWithValues: names.map { ($0.lowercased(), $0) })
    }

    /// The API name of `field`, which Salesforce matches case-insensitively, or `nil` for no such field.
    func canonicalName(_ field: String) -> String? {
        self.byLowercase[field.lowercased()]
    }

    /// A call Task (B3 of the API facts), with the custom fields an admin added: four people may fill
    /// in on a logged call (text, long text, number, restricted picklist with a retired value) and
    /// three they may not (a create-only one, a formula, a date).
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
            "Call_Topic__c": .text(maxLength: 255),
            "Follow_Up_Notes__c": .text(maxLength: 32_768),
            "Satisfaction_Score__c": .number,
            "Call_Reason__c": .picklist(["Pricing", "Support", "Renewal"], restricted: true, inactive: ["Legacy"]),
            "Legacy_Code__c": .text(maxLength: 40),
            "Callback_Date__c": .date,
        ],
        readOnlyFields: ["Id", "AccountId", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp", "IsClosed", "IsDeleted"],
        calculatedFields: ["Lead_Score__c": .number],
        // The Task reference: TaskSubtype "can't be updated". Legacy_Code__c is the admin's create-only field.
        createOnlyFields: ["TaskSubtype", "Legacy_Code__c"],
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
