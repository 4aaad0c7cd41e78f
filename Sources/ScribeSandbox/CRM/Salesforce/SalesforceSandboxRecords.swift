import Foundation

/// A contact or lead in the sandbox org.
public struct SalesforceSandboxPerson: Sendable, Hashable {
    /// `Contact` or `Lead`.
    public var type: String
    /// 18 characters, `003…` for contacts and `00Q…` for leads.
    public var id: String
    public var firstName: String
    public var lastName: String
    /// As typed: Salesforce keeps punctuation and `+` verbatim.
    public var phone: String?
    public var mobilePhone: String?
    public var createdDate: Date
    public var lastModifiedDate: Date
    /// A lead's `IsConverted`: converted into a contact (and an account), after which it lives on as that contact.
    public var isConverted = false

    /// The compound `Name` field.
    public var name: String { [self.firstName, self.lastName].filter { !$0.isEmpty }.joined(separator: " ") }

    /// The value of `field` (case-insensitive), or `nil` when the object has no such field.
    func value(of field: String) -> SalesforceFieldValue? {
        switch field.lowercased() {
        case "id": .string(self.id)
        case "name": .string(self.name)
        case "firstname": .string(self.firstName)
        case "lastname": .string(self.lastName)
        case "phone": self.phone.map(SalesforceFieldValue.string) ?? .null
        case "mobilephone": self.mobilePhone.map(SalesforceFieldValue.string) ?? .null
        case "createddate": .string(SalesforceSandboxDate.format(self.createdDate))
        case "lastmodifieddate", "systemmodstamp": .string(SalesforceSandboxDate.format(self.lastModifiedDate))
        case "isconverted" where self.type == "Lead": .bool(self.isConverted)
        default: nil
        }
    }

    static let fields = ["Id", "Name", "FirstName", "LastName", "Phone", "MobilePhone", "LastModifiedDate", "CreatedDate", "SystemModstamp"]

    /// The fields `object` (`Contact` or `Lead`) has: a lead also has `IsConverted`.
    static func fields(of object: String) -> [String] {
        object == "Lead" ? SalesforceSandboxPerson.fields + ["IsConverted"] : SalesforceSandboxPerson.fields
    }
}

/// A Task as the sandbox stored it: exactly the fields the client sent (names as Salesforce spells
/// them; a create's, then each update's merged over them), plus the id and the times Salesforce assigns.
public struct SalesforceSandboxTask: Sendable, Hashable {
    /// 18 characters, `00T…`.
    public var id: String
    public var fields: [String: SalesforceFieldValue]
    public var createdDate: Date
    /// The time of the create or of the last update.
    public var lastModifiedDate: Date

    /// The value of `field`, `.null` when not set, or `nil` when Task has no such field.
    func value(of field: String) -> SalesforceFieldValue? {
        switch field.lowercased() {
        case "id": return .string(self.id)
        case "createddate": return .string(SalesforceSandboxDate.format(self.createdDate))
        case "lastmodifieddate", "systemmodstamp": return .string(SalesforceSandboxDate.format(self.lastModifiedDate))
        default:
            guard let name = SalesforceSObjectSchema.task.canonicalName(field) else { return nil }
            return self.fields[name] ?? .null
        }
    }
}

/// Salesforce's dateTime format, `2025-03-04T09:15:00.000+0000`.
enum SalesforceSandboxDate {
    static func format(_ date: Date) -> String {
        let iso = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        return iso.hasSuffix("Z") ? String(iso.dropLast()) + "+0000" : iso
    }
}
