import ScribeCore
import Foundation

/// One record of an Odoo model, as `read` returns it: many2one fields as `[id, display name]`,
/// empty fields as `false`.
public struct OdooSandboxRecord: Sendable, Equatable {
    public var id: Int
    public var model: String
    var fields: [String: JSONValue]

    /// The text in `field`, if it holds text (not `false`).
    public func text(_ field: String) -> String? { self.fields[field]?.string }

    /// The whole number in `field` (`res_id`), if it holds one.
    public func integer(_ field: String) -> Int? { self.fields[field]?.integer }

    /// The id a many2one `field` points at.
    public func relatedID(_ field: String) -> Int? { self.fields[field]?.array?.first?.integer }

    /// The record as `read` answers it: `id` plus `only` (every readable field when `nil`).
    func json(only: [String]?, schema: OdooModelSchema) -> JSONValue {
        var object: [String: JSONValue] = ["id": .int(self.id)]
        for field in only ?? schema.readable.sorted() where field != "id" {
            object[field] = self.fields[field] ?? .bool(false)
        }
        return .object(object)
    }
}

/// What the sandbox knows of a model's fields.
struct OdooModelSchema: Sendable {
    var name: String
    /// Fields `read` returns by default and domains may name.
    var readable: Set<String>
    /// Fields `create` and `write` accept; other known fields are computed and ignored, unknown ones a `ValueError`.
    var writable: Set<String>
    /// Stored phone fields `phone_mobile_search` looks in.
    var phoneFields: [String]
    /// Search-only fields: valid in a domain, `false` when read.
    var searchOnly: Set<String> = []

    var domainFields: Set<String> { self.readable.union(self.searchOnly).union(["id"]) }

    static let partner = OdooModelSchema(
        name: "res.partner",
        readable: ["name", "display_name", "email", "phone", "phone_sanitized", "is_company", "parent_id", "type", "active", "comment", "function", "create_date", "write_date"],
        // `mobile` left res.partner in recent versions, so the sandbox has `phone` only [U for 19.0].
        writable: ["name", "email", "phone", "is_company", "parent_id", "type", "active", "comment", "function"],
        phoneFields: ["phone"], searchOnly: ["phone_mobile_search"]
    )

    static let message = OdooModelSchema(
        name: "mail.message",
        readable: ["body", "model", "res_id", "message_type", "subtype_id", "author_id", "date", "subject", "record_name", "create_date", "write_date"],
        writable: ["body", "subject"],
        phoneFields: []
    )

    static let lead = OdooModelSchema(
        name: "crm.lead",
        readable: ["name", "partner_id", "type", "stage_id", "active", "probability", "expected_revenue", "phone", "phone_sanitized", "contact_name", "email_from", "create_date", "write_date"],
        writable: [],
        phoneFields: ["phone"], searchOnly: ["phone_mobile_search"]
    )

    static let all: [String: OdooModelSchema] = [partner.name: partner, message.name: message, lead.name: lead]
}

/// Everything an ``OdooSandbox`` holds, guarded as one value by its mutex.
struct OdooSandboxState {
    var records: [String: [OdooSandboxRecord]] = [:]
    var nextIDs: [String: Int] = ["res.partner": 10, "mail.message": 1000, "crm.lead": 50]

    mutating func nextID(_ model: String) -> Int {
        let id = self.nextIDs[model, default: 1]
        self.nextIDs[model] = id + 1
        return id
    }

    func record(_ model: String, _ id: Int) -> OdooSandboxRecord? {
        self.records[model]?.first { $0.id == id }
    }

    mutating func store(_ record: OdooSandboxRecord) {
        var list = self.records[record.model, default: []]
        if let index = list.firstIndex(where: { $0.id == record.id }) { list[index] = record } else { list.append(record) }
        self.records[record.model] = list
    }

    mutating func delete(_ model: String, _ id: Int) -> Bool {
        guard let index = self.records[model]?.firstIndex(where: { $0.id == id }) else { return false }
        self.records[model]?.remove(at: index)
        return true
    }
}

/// The records a sandbox Odoo database starts with, derived from the company alone so every start has the same ids.
enum OdooSandboxSeed {
    /// The API key's user: the author of every note the sandbox posts.
    static let author: JSONValue = .array([.int(3), .string("Sandbox Bot")])

    /// Odoo's datetime text, UTC without offset: `2024-01-01 10:00:00`.
    static func time(_ date: Date) -> String {
        SandboxTimeFormat.spaced.string(date)
    }

    /// A time as ``time(_:)`` writes it, read back.
    static func date(_ text: String) -> Date? {
        SandboxTimeFormat.spaced.date(text)
    }

    static func seed(_ state: inout OdooSandboxState, company: SandboxCompany) {
        let created = OdooSandboxSeed.time(Date(timeIntervalSince1970: 1_704_103_200))
        var companies: [String: Int] = [:]
        for name in company.customers.map(\.company) where companies[name] == nil {
            let id = state.nextID("res.partner")
            companies[name] = id
            state.store(
                OdooSandboxRecord(
                    id: id, model: "res.partner",
                    fields: OdooSandboxSeed.partnerFields(name: name, phone: nil, email: nil, isCompany: true, parent: nil, created: created)
                )
            )
        }
        // One person per customer under their company, the phone stored exactly as typed (seven styles).
        var personIDs: [String] = []
        for customer in company.customers {
            let id = state.nextID("res.partner")
            personIDs.append(String(id))
            let parentID = companies[customer.company] ?? 0
            state.store(
                OdooSandboxRecord(
                    id: id, model: "res.partner",
                    fields: OdooSandboxSeed.partnerFields(
                        name: "\(customer.firstName) \(customer.lastName)", phone: customer.storedPhone,
                        email: "\(customer.firstName.lowercased()).\(customer.lastName.lowercased())@example.com", isCompany: false,
                        parent: .array([.int(parentID), .string(customer.company)]), created: created
                    )
                )
            )
        }
        for deal in SandboxDeal.seed(contactIDs: personIDs, makeID: { String($0) }) {
            guard let partnerID = deal.contactIDs.first.flatMap(Int.init), let partner = state.record("res.partner", partnerID) else { continue }
            let id = state.nextID("crm.lead")
            state.store(
                OdooSandboxRecord(
                    id: id, model: "crm.lead",
                    fields: [
                        "name": .string(deal.name), "partner_id": .array([.int(partnerID), partner.fields["display_name"] ?? .bool(false)]),
                        "type": .string("opportunity"), "stage_id": deal.isClosed ? .array([.int(4), .string("Won")]) : .array([.int(1), .string("New")]),
                        "active": .bool(true), "probability": .number(deal.isClosed ? 100 : 10), "expected_revenue": .number(12_000),
                        "phone": partner.fields["phone"] ?? .bool(false), "phone_sanitized": partner.fields["phone_sanitized"] ?? .bool(false),
                        "contact_name": partner.fields["name"] ?? .bool(false), "email_from": partner.fields["email"] ?? .bool(false),
                        "create_date": .string(created), "write_date": .string(created),
                    ]
                )
            )
        }
        // Leads (no partner yet): the first strangers, their numbers stored in three styles.
        for (index, number) in company.strangers.prefix(3).enumerated() {
            let phone = SandboxCompany.storedForm(String(number.dropFirst(2)), style: index + 1)
            let id = state.nextID("crm.lead")
            state.store(
                OdooSandboxRecord(
                    id: id, model: "crm.lead",
                    fields: [
                        "name": .string("Inbound enquiry \(index + 1)"), "partner_id": .bool(false), "type": .string("lead"),
                        "stage_id": .bool(false), "active": .bool(true), "probability": .number(5), "expected_revenue": .number(0),
                        "phone": .string(phone), "phone_sanitized": OdooPhoneSearch.sanitized(phone).map { .string($0) } ?? .bool(false),
                        "contact_name": .string(["Lena", "Marco", "Nadia"][index] + " Prospect"), "email_from": .bool(false),
                        "create_date": .string(created), "write_date": .string(created),
                    ]
                )
            )
        }
    }

    static func partnerFields(name: String, phone: String?, email: String?, isCompany: Bool, parent: JSONValue?, created: String) -> [String: JSONValue] {
        let parentName = parent?.array?.last?.string
        return [
            "name": .string(name), "display_name": .string(parentName.map { "\($0), \(name)" } ?? name),
            "email": email.map { .string($0) } ?? .bool(false), "phone": phone.map { .string($0) } ?? .bool(false),
            "phone_sanitized": OdooPhoneSearch.sanitized(phone).map { .string($0) } ?? .bool(false),
            "is_company": .bool(isCompany), "parent_id": parent ?? .bool(false), "type": .string("contact"), "active": .bool(true),
            "comment": .bool(false), "function": .bool(false), "create_date": .string(created), "write_date": .string(created),
        ]
    }
}
