import Foundation
import Synchronization

/// The org's opportunities, reached through contact roles, and checked when a Task names one.
extension SalesforceSandbox {
    /// One `OpportunityContactRole` row: its own fields at the top, the opportunity's under `Opportunity`.
    struct RoleJSON: Encodable {
        var attributes: RecordJSON.Attributes
        var fields: [(String, SalesforceFieldValue)]
        var opportunity: RecordJSON?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(self.attributes, forKey: DynamicKey("attributes"))
            for (name, value) in self.fields { try container.encode(value, forKey: DynamicKey(name)) }
            if let opportunity { try container.encode(opportunity, forKey: DynamicKey("Opportunity")) }
        }
    }

    struct RoleQueryJSON: Encodable {
        var totalSize: Int
        var done: Bool
        var records: [RoleJSON]
    }

    /// One contact role per contact of each opportunity, in the order the opportunities were seeded.
    func roles(_ query: SalesforceSOQLRoleQuery, version: String) -> RoleQueryJSON {
        let opportunities = self.state.withLock { $0.opportunities }
        var rows: [(role: String, contact: String, deal: SandboxDeal)] = []
        for (index, deal) in opportunities.enumerated() {
            for (offset, contact) in deal.contactIDs.enumerated() {
                rows.append((SalesforceSandboxID.make(keyPrefix: "00K", number: 300_000 + index * 10 + offset), contact, deal))
            }
        }
        func value(_ field: String, of row: (role: String, contact: String, deal: SandboxDeal)) -> SalesforceFieldValue {
            switch field {
            case "Id": .string(row.role)
            case "OpportunityId", "Opportunity.Id": .string(row.deal.id)
            case "ContactId": .string(row.contact)
            case "Role": .string("Decision Maker")
            case "IsPrimary": .bool(true)
            case "Opportunity.Name": .string(row.deal.name)
            case "Opportunity.IsClosed": .bool(row.deal.isClosed)
            default: .null
            }
        }
        let matched = rows.filter { row in
            query.conditions.allSatisfy { condition in
                let stored = value(condition.field, of: row)
                // Ids compare by their 15-character form, text case-insensitively, as SOQL does.
                if case .string(let wanted) = condition.value, case .string(let have) = stored {
                    return (SalesforceSandboxID.canonical(wanted) ?? wanted.lowercased()) == (SalesforceSandboxID.canonical(have) ?? have.lowercased())
                }
                return stored == condition.value
            }
        }
        let limited = query.limit.map { Array(matched.prefix($0)) } ?? matched
        let records = limited.map { row in
            let own = query.fields.filter { !$0.hasPrefix("Opportunity.") }
            let related = query.fields.filter { $0.hasPrefix("Opportunity.") }
            return RoleJSON(
                attributes: .init(type: "OpportunityContactRole", url: "/services/data/\(version)/sobjects/OpportunityContactRole/\(row.role)"),
                fields: own.map { ($0, value($0, of: row)) },
                opportunity: related.isEmpty
                    ? nil
                    : RecordJSON(
                        attributes: .init(type: "Opportunity", url: "/services/data/\(version)/sobjects/Opportunity/\(row.deal.id)"),
                        fields: related.map { (String($0.dropFirst("Opportunity.".count)), value($0, of: row)) }
                    )
            )
        }
        return RoleQueryJSON(totalSize: records.count, done: true, records: records)
    }

    /// A Task's `WhatId` naming an opportunity (`006…`) must name one of the org's: otherwise
    /// Salesforce's `INVALID_CROSS_REFERENCE_KEY`. Accounts and cases are taken on trust.
    static func checkWhatID(_ fields: [String: SalesforceFieldValue], in state: SalesforceSandboxState) throws(SalesforceSandboxError) {
        guard let text = fields["WhatId"]?.text, let id15 = SalesforceSandboxID.canonical(text), id15.hasPrefix("006") else { return }
        guard !state.opportunities.contains(where: { $0.id.prefix(15) == id15 }) else { return }
        throw SalesforceSandboxError(status: 400, errorCode: "INVALID_CROSS_REFERENCE_KEY", message: "invalid cross reference id", fields: ["WhatId"])
    }
}
