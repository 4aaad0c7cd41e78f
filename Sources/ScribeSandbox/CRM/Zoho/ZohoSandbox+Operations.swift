import ScribeCore
import Foundation
import Synchronization
import Hummingbird

extension ZohoSandbox {
    /// The phone-type fields `phone=` looks in.
    static let phoneFields = ["Phone", "Mobile", "Home_Phone", "Other_Phone"]

    /// `GET /crm/v8/{Module}/search`: exactly one of `phone`, `email`, `word`, `criteria`.
    func search(module: String, query: Parameters) throws(ZohoSandboxError) -> ZohoSandboxReply {
        let page = try ZohoSandboxPage(query: query)
        let fields = ZohoSandbox.fieldList(query.get("fields"))
        let matcher: (ZohoSandboxRecord) -> Bool
        if let phone = query.get("phone") {
            // Exact stored text, as typed: see the type's overview.
            let wanted = phone.trimmingCharacters(in: .whitespaces)
            guard !wanted.isEmpty else { throw .invalidQuery("phone", "please check the phone value") }
            matcher = { record in ZohoSandbox.phoneFields.contains { record.fields[$0]?.string?.trimmingCharacters(in: .whitespaces) == wanted } }
        } else if let email = query.get("email") {
            matcher = { $0.fields["Email"]?.string?.lowercased() == email.lowercased() }
        } else if let word = query.get("word") {
            guard word.count >= 2 else { throw .invalidQuery("word", "the word given seems to be too short") }
            matcher = { record in record.fields.values.contains { $0.string.map { ZohoSandbox.hasWord(word, in: $0) } ?? false } }
        } else if let text = query.get("criteria") {
            guard let criteria = ZohoSearchCriteria.parse(text) else { throw .invalidQuery("criteria", "invalid query formed") }
            let known = Set(ZohoRecordValidator.fields[module]?.keys.map { $0 } ?? []).union(["id", "Full_Name", "Created_Time", "Modified_Time", "Call_Duration_in_seconds", "Deal_Name", "Stage", "Contact_Name"])
            if let unknown = criteria.fieldNames.first(where: { !known.contains($0) }) {
                throw ZohoSandboxError(httpStatus: 400, code: "INVALID_QUERY", message: "invalid query formed", details: ["api_name": .string(unknown)])
            }
            matcher = criteria.matches
        } else {
            throw .requiredParamMissing(["criteria", "email", "phone", "word"])
        }
        let hits = self.state.withLock { ($0.modules[module] ?? []).filter(matcher) }
        return page.reply(hits, fields: fields)
    }

    /// `GET /crm/v8/{Module}`: every record, a page at a time; v8 requires `fields`.
    func list(module: String, query: Parameters) throws(ZohoSandboxError) -> ZohoSandboxReply {
        guard let fields = ZohoSandbox.fieldList(query.get("fields")) else { throw .requiredParamMissing(["fields"]) }
        let page = try ZohoSandboxPage(query: query)
        return page.reply(self.state.withLock { $0.modules[module] ?? [] }, fields: fields)
    }

    /// `GET /crm/v8/{Module}/{id}`: `{"data":[record]}`, or 204 when there is no such record.
    func get(module: String, id: String, fields: String?) -> ZohoSandboxReply {
        guard let record = self.state.withLock({ $0.record(module, id) }) else { return .noContent }
        return .json(200, .object(["data": .array([record.json(only: ZohoSandbox.fieldList(fields))])]))
    }

    /// `GET /crm/v8/Contacts/{id}/Deals`: the contact's deals.
    func related(module: String, id: String, related: String, query: Parameters) throws(ZohoSandboxError) -> ZohoSandboxReply {
        guard module == "Contacts", related == "Deals" else {
            throw ZohoSandboxError(httpStatus: 400, code: "INVALID_DATA", message: "the relation name given seems to be invalid", details: ["api_name": .string(related)])
        }
        let page = try ZohoSandboxPage(query: query)
        let (contact, deals) = self.state.withLock { state in
            (state.record("Contacts", id), (state.modules["Deals"] ?? []).filter { $0.lookupID("Contact_Name") == id })
        }
        guard contact != nil else {
            throw ZohoSandboxError(httpStatus: 400, code: "INVALID_DATA", message: "the id given seems to be invalid", details: ["id": .string(id)])
        }
        return page.reply(deals, fields: ZohoSandbox.fieldList(query.get("fields")))
    }

    /// `POST` (insert) or `PUT` (update) of `{"data":[…]}`: one outcome line per record.
    func write(module: String, body: Data, pathID: String?, isInsert: Bool) throws(ZohoSandboxError) -> ZohoSandboxReply {
        guard module != "Deals" else { throw .invalidModule(module) }
        guard let object = JSONValue.object(from: body), let data = object["data"]?.array else {
            throw .invalidBody("body must be a JSON object with a data array")
        }
        guard (1...100).contains(data.count) else { throw .invalidBody(data.isEmpty ? "data must not be empty" : "the number of records exceeds 100") }
        guard pathID == nil || data.count == 1 else { throw .invalidBody("only one record may be updated by id") }
        let now = ZohoSandboxSeed.time(Date())
        let outcomes: [ZohoRecordOutcome] = self.state.withLock { state in
            data.enumerated().map { index, element in
                guard let input = element.object else { return .invalidData(field: "data", index: index) }
                var existing: ZohoSandboxRecord?
                if !isInsert {
                    guard let id = pathID ?? input["id"]?.string else { return .mandatoryNotFound(field: "id", index: index) }
                    guard let found = state.record(module, id) else {
                        return ZohoRecordOutcome(code: "INVALID_DATA", message: "the id given seems to be invalid", details: ["api_name": .string("id"), "json_path": .string("$.data[\(index)].id")], isSuccess: false)
                    }
                    existing = found
                }
                switch ZohoRecordValidator.validate(module: module, input: input, index: index, existing: existing, state: state) {
                case .failure(let failure):
                    return failure.outcome
                case .success(var fields):
                    let id = existing?.id ?? state.nextID()
                    fields["Owner"] = fields["Owner"] ?? ZohoSandboxSeed.owner
                    fields["Created_Time"] = existing?.fields["Created_Time"] ?? .string(now)
                    fields["Modified_Time"] = .string(now)
                    fields["Created_By"] = existing?.fields["Created_By"] ?? ZohoSandboxSeed.owner
                    fields["Modified_By"] = ZohoSandboxSeed.owner
                    state.store(ZohoSandboxRecord(id: id, module: module, fields: fields))
                    return ZohoRecordOutcome(
                        code: "SUCCESS", message: isInsert ? "record added" : "record updated",
                        details: [
                            "id": .string(id), "Created_Time": fields["Created_Time"] ?? .null, "Modified_Time": .string(now),
                            "Created_By": fields["Created_By"] ?? .null, "Modified_By": ZohoSandboxSeed.owner,
                        ],
                        isSuccess: true
                    )
                }
            }
        }
        let allFailed = outcomes.allSatisfy { !$0.isSuccess }
        let status = allFailed ? 400 : (isInsert ? 201 : 200)
        return .json(status, .object(["data": .array(outcomes.map(\.json))]))
    }

    /// `DELETE /crm/v8/{Module}/{id}`.
    func delete(module: String, id: String) -> ZohoSandboxReply {
        let deleted = self.state.withLock { $0.delete(module, id) }
        let outcome =
            deleted
            ? ZohoRecordOutcome(code: "SUCCESS", message: "record deleted", details: ["id": .string(id)], isSuccess: true)
            : ZohoRecordOutcome(code: "INVALID_DATA", message: "the id given seems to be invalid", details: ["id": .string(id)], isSuccess: false)
        return .json(deleted ? 200 : 400, .object(["data": .array([outcome.json])]))
    }

    /// `fields=A,B` as a set; `nil` when absent or empty.
    static func fieldList(_ text: String?) -> Set<String>? {
        guard let text, !text.isEmpty else { return nil }
        return Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }
}

/// Zoho's `page` (from 1) and `per_page` (1…200, default 200), and the `info` block that answers them.
struct ZohoSandboxPage {
    var page: Int
    var perPage: Int

    init(query: Parameters) throws(ZohoSandboxError) {
        let page = query.get("page").map { Int($0) } ?? 1
        let perPage = query.get("per_page").map { Int($0) } ?? 200
        guard let page, page >= 1 else { throw .invalidQuery("page", "invalid data") }
        guard let perPage, (1...200).contains(perPage) else { throw .invalidQuery("per_page", "invalid data") }
        self.page = page
        self.perPage = perPage
    }

    /// 200 with this page of `records` and `info`, or 204 when the page is empty.
    func reply(_ records: [ZohoSandboxRecord], fields: Set<String>?) -> ZohoSandboxReply {
        let start = (self.page - 1) * self.perPage
        guard start < records.count else { return .noContent }
        let slice = records[start..<min(records.count, start + self.perPage)]
        let info: JSONValue = .object([
            "per_page": .int(self.perPage), "count": .int(slice.count), "page": .int(self.page),
            "more_records": .bool(start + slice.count < records.count),
        ])
        return .json(200, .object(["data": .array(slice.map { $0.json(only: fields) }), "info": info]))
    }
}
