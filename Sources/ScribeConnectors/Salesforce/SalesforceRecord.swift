import Foundation
import ScribeCore

/// A record as Salesforce returns it from a search or a query: `attributes` plus the selected fields.
struct SalesforceRecord: Decodable, Sendable {
    struct Attributes: Decodable, Sendable {
        var type: String?
        var url: String?
    }

    var attributes: Attributes?
    var id: String
    var name: String?
    var phone: String?
    var mobilePhone: String?
    var lastModifiedDate: String?
    var createdDate: String?

    private enum CodingKeys: String, CodingKey {
        case attributes
        case id = "Id"
        case name = "Name"
        case phone = "Phone"
        case mobilePhone = "MobilePhone"
        case lastModifiedDate = "LastModifiedDate"
        case createdDate = "CreatedDate"
    }

    var type: String? { self.attributes?.type }

    /// This record read as a contact; `fallbackName` names one that has no name.
    func contact(fallbackName: String) -> Contact {
        let name = SalesforceRecord.nonBlank(self.name)
        return Contact(
            id: ContactID(self.id),
            name: name ?? fallbackName,
            phoneNumbers: [self.phone, self.mobilePhone].compactMap(SalesforceRecord.nonBlank),
            updatedAt: self.lastModifiedDate.flatMap(SalesforceRecord.parseDateTime),
            createdAt: self.createdDate.flatMap(SalesforceRecord.parseDateTime),
            kind: self.type == "Lead" ? .lead : .contact
        )
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Salesforce's dateTime, `2025-03-04T09:15:00.000+0000`; also accepts `Z` and `+00:00`.
    static func parseDateTime(_ text: String) -> Date? {
        var text = text
        // `+0000` → `+00:00`, which ISO 8601 parsing accepts.
        let offset = text.suffix(5)
        if let sign = offset.first, sign == "+" || sign == "-", offset.dropFirst().allSatisfy(\.isNumber) {
            text.insert(":", at: text.index(text.endIndex, offsetBy: -2))
        }
        return (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}

/// The answer to `GET …/search/?q=`.
struct SalesforceSearchResponse: Decodable, Sendable {
    var searchRecords: [SalesforceRecord]

    /// The records found, each once, as contacts: Contacts first, then Leads (tagged as leads), each in
    /// Salesforce's order; `fallbackName` names a record that has no name.
    func people(fallbackName: (SalesforceRecord) -> String) -> [Contact] {
        var seen = Set<String>()
        let records = self.searchRecords.filter { seen.insert($0.id).inserted }
        let contacts = records.filter { $0.type != "Lead" }
        let leads = records.filter { $0.type == "Lead" }
        return (contacts + leads).map { $0.contact(fallbackName: fallbackName($0)) }
    }
}

/// The answer to `GET …/query?q=`.
struct SalesforceQueryResponse: Decodable, Sendable {
    var totalSize: Int
    var done: Bool
    var records: [SalesforceRecord]
}

/// The answer to `POST …/sobjects/{Task,Contact}`: `{id, success, errors}`.
struct SalesforceSaveResult: Decodable, Sendable {
    var id: String?
    var success: Bool
    var errors: [SalesforceErrorBody.Item]?
}

/// The answer to the contact-role query: each role's opportunity id and, through the relationship, its name.
struct SalesforceContactRoles: Decodable, Sendable {
    struct Role: Decodable, Sendable {
        struct Opportunity: Decodable, Sendable {
            var name: String?

            private enum CodingKeys: String, CodingKey {
                case name = "Name"
            }
        }

        var opportunityID: String
        var opportunity: Opportunity?

        private enum CodingKeys: String, CodingKey {
            case opportunityID = "OpportunityId"
            case opportunity = "Opportunity"
        }
    }

    var records: [Role]
}
