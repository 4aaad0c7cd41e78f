import Foundation

extension SalesforceSandbox {
    /// The org's users, as a SOQL query on `User` returns them (ids `005…`).
    func users(_ query: SalesforceSOQLUserQuery, version: String) -> QueryJSON {
        var users = self.directory.users
        if let active = query.isActive { users = users.filter { $0.active == active } }
        let total = users.count
        if let limit = query.limit { users = Array(users.prefix(limit)) }
        let records = users.map { user in
            let id = SalesforceSandboxID.make(keyPrefix: "005", number: 500_000 + user.number)
            let values: [String: SalesforceFieldValue] = [
                "Id": .string(id), "Name": .string(user.name), "FirstName": .string(user.firstName), "LastName": .string(user.lastName),
                "Email": .string(user.email), "Username": .string(user.email + ".sandbox"), "IsActive": .bool(user.active),
            ]
            return RecordJSON(attributes: .init(type: "User", url: "/services/data/\(version)/sobjects/User/\(id)"), fields: query.fields.map { ($0, values[$0] ?? .null) })
        }
        return QueryJSON(totalSize: min(total, query.limit ?? total), done: true, records: records)
    }

    /// `description` with `CallDisposition` described as a picklist of ``SandboxCRMDirectory/callDispositionPicklist``, when set.
    func withCallDispositionPicklist(_ description: DescribeJSON) -> DescribeJSON {
        guard let values = self.directory.callDispositionPicklist else { return description }
        var description = description
        for index in description.fields.indices where description.fields[index].name == "CallDisposition" {
            description.fields[index].type = "picklist"
            description.fields[index].picklistValues = values.map { FieldJSON.PicklistValueJSON(active: true, label: $0, value: $0) }
        }
        return description
    }
}
