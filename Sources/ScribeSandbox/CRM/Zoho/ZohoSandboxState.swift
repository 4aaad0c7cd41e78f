import ScribeCore
import Foundation

/// One record of a Zoho CRM module, as its API names map to values (`id` included).
public struct ZohoSandboxRecord: Sendable, Equatable {
    /// Zoho's 19-digit id, a string on the wire.
    public var id: String
    /// `Contacts`, `Leads`, `Calls` or `Deals`.
    public var module: String
    var fields: [String: JSONValue]

    /// The text value of `apiName`, if it holds text.
    public func text(_ apiName: String) -> String? { self.fields[apiName]?.string }

    /// The id inside a lookup field (`Who_Id`, `What_Id`, `Owner`, `Contact_Name`).
    public func lookupID(_ apiName: String) -> String? { self.fields[apiName]?.object?["id"]?.string }

    /// The record as the API writes it: `id` plus every field, or only `only` (and `id`) when given.
    func json(only: Set<String>? = nil) -> JSONValue {
        var object = self.fields
        if let only { object = object.filter { only.contains($0.key) } }
        object["id"] = .string(self.id)
        return .object(object)
    }
}

/// Everything a ``ZohoSandbox`` holds, guarded as one value by its mutex: records per module, in insertion order.
struct ZohoSandboxState {
    var modules: [String: [ZohoSandboxRecord]] = [:]
    private var serial = 100_000

    /// The modules the sandbox serves; any other module name gets `INVALID_MODULE`.
    static let knownModules: Set<String> = ["Contacts", "Leads", "Calls", "Deals"]

    /// A fresh Zoho-looking id: org prefix, zero padding, a serial.
    mutating func nextID() -> String {
        self.serial += 1
        return "5725767000000\(self.serial)"
    }

    func record(_ module: String, _ id: String) -> ZohoSandboxRecord? {
        self.modules[module]?.first { $0.id == id }
    }

    mutating func store(_ record: ZohoSandboxRecord) {
        var list = self.modules[record.module, default: []]
        if let index = list.firstIndex(where: { $0.id == record.id }) {
            list[index] = record
        } else {
            list.append(record)
        }
        self.modules[record.module] = list
    }

    /// Removes the record; false when there was none.
    mutating func delete(_ module: String, _ id: String) -> Bool {
        guard let index = self.modules[module]?.firstIndex(where: { $0.id == id }) else { return false }
        self.modules[module]?.remove(at: index)
        return true
    }

    /// The record with `id` in Contacts or Leads (what `Who_Id` may point at).
    func person(_ id: String) -> ZohoSandboxRecord? {
        self.record("Contacts", id) ?? self.record("Leads", id)
    }
}

/// The records a sandbox Zoho org starts with, derived from the company alone so every start has the same ids.
enum ZohoSandboxSeed {
    static let owner: JSONValue = .object(["id": .string("5725767000000235001"), "name": .string("Sandbox Admin"), "email": .string("admin@sandbox.example")])

    /// UTC with an explicit offset, as Zoho writes times: `2024-01-01T10:00:00+00:00`.
    static func time(_ date: Date) -> String {
        SandboxTimeFormat.isoWithOffset.string(date)
    }

    /// A time as ``time(_:)`` writes it, read back.
    static func date(_ text: String) -> Date? {
        SandboxTimeFormat.isoWithOffset.date(text)
    }

    static func seed(_ state: inout ZohoSandboxState, company: SandboxCompany) {
        // One contact per customer: Phone stored exactly as typed (seven styles), Mobile for some.
        for (index, customer) in company.customers.enumerated() {
            let created = Date(timeIntervalSince1970: 1_704_103_200 + Double(index) * 6 * 3600)
            let record = ZohoSandboxRecord(
                id: state.nextID(), module: "Contacts",
                fields: [
                    "First_Name": .string(customer.firstName), "Last_Name": .string(customer.lastName),
                    "Full_Name": .string("\(customer.firstName) \(customer.lastName)"),
                    "Phone": .string(customer.storedPhone), "Mobile": customer.storedMobile.map { .string($0) } ?? .null,
                    "Email": .string("\(customer.firstName.lowercased()).\(customer.lastName.lowercased())@example.com"),
                    "Account_Name": .object(["name": .string(customer.company)]),
                    "Owner": ZohoSandboxSeed.owner, "Created_Time": .string(time(created)), "Modified_Time": .string(time(created)),
                ]
            )
            state.store(record)
        }
        // Leads: the first strangers, their numbers stored in three of the styles.
        for (index, number) in company.strangers.prefix(3).enumerated() {
            let national = String(number.dropFirst(2))
            let record = ZohoSandboxRecord(
                id: state.nextID(), module: "Leads",
                fields: [
                    "First_Name": .string(["Lena", "Marco", "Nadia"][index]), "Last_Name": .string("Prospect"),
                    "Full_Name": .string("\(["Lena", "Marco", "Nadia"][index]) Prospect"), "Company": .string("Walk-in \(index + 1)"),
                    "Phone": .string(SandboxCompany.storedForm(national, style: index + 1)), "Mobile": .null,
                    "Lead_Status": .string("Not Contacted"), "Owner": ZohoSandboxSeed.owner,
                    "Created_Time": .string(time(Date(timeIntervalSince1970: 1_706_000_000))), "Modified_Time": .string(time(Date(timeIntervalSince1970: 1_706_000_000))),
                ]
            )
            state.store(record)
        }
        let contacts = state.modules["Contacts"] ?? []
        for deal in SandboxDeal.seed(contactIDs: contacts.map(\.id), makeID: { _ in state.nextID() }) {
            guard let contact = contacts.first(where: { $0.id == deal.contactIDs.first }) else { continue }
            state.store(
                ZohoSandboxRecord(
                    id: deal.id, module: "Deals",
                    fields: [
                        "Deal_Name": .string(deal.name), "Stage": .string(deal.isClosed ? "Closed Won" : "Qualification"),
                        "Contact_Name": .object(["id": .string(contact.id), "name": contact.fields["Full_Name"] ?? .null]),
                        "Amount": .number(12_000), "Owner": ZohoSandboxSeed.owner,
                    ]
                )
            )
        }
    }
}
