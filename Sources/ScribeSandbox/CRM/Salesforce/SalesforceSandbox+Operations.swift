import Foundation
import Synchronization

/// What each API operation does to the org, independent of HTTP.
extension SalesforceSandbox {
    /// A record as Salesforce returns it: `attributes` and the selected fields.
    struct RecordJSON: Encodable {
        struct Attributes: Encodable {
            var type: String
            var url: String
        }

        var attributes: Attributes
        var fields: [(String, SalesforceFieldValue)]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(self.attributes, forKey: DynamicKey("attributes"))
            for (name, value) in self.fields { try container.encode(value, forKey: DynamicKey(name)) }
        }
    }

    struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { self.stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct SearchJSON: Encodable {
        var searchRecords: [RecordJSON]
    }

    struct QueryJSON: Encodable {
        var totalSize: Int
        var done: Bool
        var records: [RecordJSON]
    }

    func search(_ text: String, version: String) throws(SalesforceSandboxError) -> SearchJSON {
        let search = try SalesforceSOSLSearch.parse(text)
        let people = self.state.withLock { $0.people }
        var records: [RecordJSON] = []
        for returning in search.returning {
            var matched = people.filter { returning.admits($0) && search.matches($0) }
            if let limit = returning.limit { matched = Array(matched.prefix(limit)) }
            records += matched.map { person in
                RecordJSON(
                    attributes: .init(type: person.type, url: "/services/data/\(version)/sobjects/\(person.type)/\(person.id)"),
                    fields: returning.fields.map { ($0, person.value(of: $0) ?? .null) }
                )
            }
        }
        // SOSL returns at most 2,000 rows.
        return SearchJSON(searchRecords: Array(records.prefix(min(search.limit ?? 2_000, 2_000))))
    }

    func query(_ text: String, version: String) throws(SalesforceSandboxError) -> QueryJSON {
        let query = try SalesforceSOQLQuery.parse(text)
        var tasks = self.state.withLock { $0.tasks }
        if let condition = query.condition {
            // SOQL compares text case-insensitively.
            tasks = tasks.filter { ($0.value(of: condition.field)?.text ?? "").lowercased() == condition.value.lowercased() }
        }
        let total = tasks.count
        if let limit = query.limit { tasks = Array(tasks.prefix(limit)) }
        let records = tasks.map { task in
            RecordJSON(
                attributes: .init(type: "Task", url: "/services/data/\(version)/sobjects/Task/\(task.id)"),
                fields: query.fields.map { ($0, task.value(of: $0) ?? .null) }
            )
        }
        return QueryJSON(totalSize: min(total, query.limit ?? total), done: true, records: records)
    }

    /// `POST …/sobjects/Contact`: a contact the SOSL phone search finds at once.
    func createContact(_ body: [String: SalesforceFieldValue]) throws(SalesforceSandboxError) -> SalesforceSandboxPerson {
        try self.state.withLock { state throws(SalesforceSandboxError) -> SalesforceSandboxPerson in
            try SalesforceSandbox.insertContact(body, into: &state)
        }
    }

    /// A single Contact create's checks and insert on `state` (shared with the sObject Collections create).
    static func insertContact(_ body: [String: SalesforceFieldValue], into state: inout SalesforceSandboxState) throws(SalesforceSandboxError) -> SalesforceSandboxPerson {
        let fields = try SalesforceFieldValidator.validated(body, as: .contact, isCreate: true, personExists: state.personExists)
        let id = SalesforceSandboxID.make(keyPrefix: "003", number: SalesforceSandboxState.createdContactOffset + state.nextContactNumber)
        state.nextContactNumber += 1
        let now = Date()
        let person = SalesforceSandboxPerson(
            type: "Contact", id: id, firstName: fields["FirstName"]?.text ?? "", lastName: fields["LastName"]?.text ?? "",
            phone: fields["Phone"]?.text, mobilePhone: fields["MobilePhone"]?.text, createdDate: now, lastModifiedDate: now
        )
        state.people.append(person)
        return person
    }

    func createTask(_ body: [String: SalesforceFieldValue]) throws(SalesforceSandboxError) -> SalesforceSandboxTask {
        try self.state.withLock { state throws(SalesforceSandboxError) -> SalesforceSandboxTask in
            try SalesforceSandbox.insertTask(body, into: &state)
        }
    }

    /// A single Task create's checks and insert on `state`, shared by `POST …/sobjects/Task` and the
    /// sObject Collections create, so that both refuse exactly the same records.
    static func insertTask(_ body: [String: SalesforceFieldValue], into state: inout SalesforceSandboxState) throws(SalesforceSandboxError) -> SalesforceSandboxTask {
        let fields = try SalesforceFieldValidator.validated(body, as: .task, isCreate: true, personExists: state.personExists)
        try SalesforceSandbox.checkWhatID(fields, in: state)
        let id = SalesforceSandboxID.make(keyPrefix: "00T", number: SalesforceSandboxState.idOffset + state.nextTaskNumber)
        state.nextTaskNumber += 1
        let now = Date()
        let task = SalesforceSandboxTask(id: id, fields: fields, createdDate: now, lastModifiedDate: now)
        state.tasks.append(task)
        return task
    }

    /// `PATCH …/sobjects/Task/{id}`: the fields sent are checked as on create (bar the required and
    /// create-only ones) and merged over the stored ones.
    func updateTask(id: String, _ body: [String: SalesforceFieldValue]) throws(SalesforceSandboxError) {
        try self.state.withLock { state throws(SalesforceSandboxError) in
            guard let index = state.taskIndex(id) else { throw .notFound }
            let fields = try SalesforceFieldValidator.validated(body, as: .task, isCreate: false, personExists: state.personExists)
            try SalesforceSandbox.checkWhatID(fields, in: state)
            state.tasks[index].fields.merge(fields) { $1 }
            state.tasks[index].lastModifiedDate = Date()
        }
    }

    /// `GET …/sobjects/Task/{id}`: every field, or only those of `fields` (`?fields=a,b`) plus `attributes`.
    func readTask(id: String, fields: String?, version: String) throws(SalesforceSandboxError) -> RecordJSON {
        var names = ["Id"] + SalesforceSObjectSchema.task.fields.keys.sorted() + ["CreatedDate", "LastModifiedDate"]
        if let fields {
            names = []
            for field in fields.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !field.isEmpty {
                guard let name = SalesforceSObjectSchema.task.canonicalName(field) else { throw .invalidField(field, entity: "Task") }
                names.append(name)
            }
        }
        guard let task = self.task(id: id) else { throw .notFound }
        return RecordJSON(attributes: .init(type: "Task", url: "/services/data/\(version)/sobjects/Task/\(task.id)"), fields: names.map { ($0, task.value(of: $0) ?? .null) })
    }
}
