import ScribeCore
import Foundation
import Synchronization

extension OdooSandbox {
    /// A method's named parameters (JSON-2 binds them with `inspect.signature(...).bind`) and whether it is `@api.model` (no `ids`).
    struct Signature {
        var parameters: Set<String>
        var required: [String] = []
        var isModelMethod: Bool
    }

    static let signatures: [String: Signature] = [
        "search_read": Signature(parameters: ["domain", "fields", "offset", "limit", "order", "load"], isModelMethod: true),
        "search": Signature(parameters: ["domain", "offset", "limit", "order"], isModelMethod: true),
        "search_count": Signature(parameters: ["domain", "limit"], isModelMethod: true),
        "read": Signature(parameters: ["fields", "load"], isModelMethod: false),
        "create": Signature(parameters: ["vals_list"], required: ["vals_list"], isModelMethod: true),
        "write": Signature(parameters: ["vals"], required: ["vals"], isModelMethod: false),
        "unlink": Signature(parameters: [], isModelMethod: false),
        "message_post": Signature(
            parameters: ["body", "subject", "message_type", "subtype_xmlid", "subtype_id", "partner_ids", "author_id", "body_is_html", "attachment_ids", "email_from"],
            isModelMethod: false
        ),
    ]

    /// The methods each model serves here.
    static let methods: [String: Set<String>] = [
        "res.partner": ["search_read", "search", "search_count", "read", "create", "write", "message_post"],
        "mail.message": ["search_read", "search", "search_count", "read", "write", "unlink"],
        "crm.lead": ["search_read", "search", "search_count", "read"],
    ]

    func call(_ call: OdooCall) throws(OdooSandboxError) -> JSONValue {
        guard let schema = OdooModelSchema.all[call.model] else { throw .unknownModel(call.model) }
        guard OdooSandbox.methods[call.model]?.contains(call.method) == true, let signature = OdooSandbox.signatures[call.method] else {
            throw .unknownMethod(call.model, call.method)
        }
        if let unexpected = call.arguments.keys.sorted().first(where: { !signature.parameters.contains($0) }) { throw .unexpectedArgument(unexpected) }
        if let missing = signature.required.first(where: { call.arguments[$0] == nil }) { throw .missingArgument(missing) }
        if signature.isModelMethod, !call.ids.isEmpty { throw .http(422, "UnprocessableEntity", "cannot call \(call.model).\(call.method) with ids") }
        let arguments = call.arguments
        switch call.method {
        case "search_read":
            let found = try self.search(schema, arguments)
            let fields = try OdooSandbox.fieldNames(arguments["fields"], schema: schema)
            return .array(found.map { $0.json(only: fields, schema: schema) })
        case "search":
            return .array(try self.search(schema, arguments).map { .int($0.id) })
        case "search_count":
            var counted = arguments
            counted["offset"] = nil
            return .int(try self.search(schema, counted).count)
        case "read":
            let fields = try OdooSandbox.fieldNames(arguments["fields"], schema: schema)
            return .array(try self.existing(schema, call.ids).map { $0.json(only: fields, schema: schema) })
        case "create":
            return .array(try self.create(schema, arguments["vals_list"] ?? .null).map { .int($0) })
        case "write":
            try self.write(schema, ids: call.ids, values: arguments["vals"] ?? .null)
            return .bool(true)
        case "unlink":
            _ = try self.existing(schema, call.ids)
            self.state.withLock { state in for id in call.ids { _ = state.delete(schema.name, id) } }
            return .bool(true)
        default:
            return .array([.int(try self.messagePost(ids: call.ids, arguments))])
        }
    }

    /// `domain`, `order`, `offset`, `limit` over the model's records.
    private func search(_ schema: OdooModelSchema, _ arguments: [String: JSONValue]) throws(OdooSandboxError) -> [OdooSandboxRecord] {
        let domain = try OdooDomain.parse(arguments["domain"]?.array ?? [], model: schema.name, fields: schema.domainFields)
        let offset = arguments["offset"]?.integer ?? 0
        let limit = arguments["limit"].flatMap { $0 == .null || $0 == .bool(false) ? nil : $0.integer }
        guard offset >= 0 else { throw .valueError("offset must be positive") }
        let records = self.state.withLock { $0.records[schema.name] ?? [] }
        var found: [OdooSandboxRecord] = []
        for record in records where try domain.matches(record, phoneFields: schema.phoneFields) { found.append(record) }
        found = try OdooSandbox.sorted(found, order: arguments["order"]?.string, schema: schema)
        let page = found.dropFirst(offset)
        return Array(limit.map { page.prefix(max(0, $0)) } ?? page)
    }

    /// `order`: `"name asc, id desc"`; the default is by id.
    private static func sorted(_ records: [OdooSandboxRecord], order: String?, schema: OdooModelSchema) throws(OdooSandboxError) -> [OdooSandboxRecord] {
        guard let order, !order.trimmingCharacters(in: .whitespaces).isEmpty else { return records.sorted { $0.id < $1.id } }
        var keys: [(field: String, descending: Bool)] = []
        for part in order.split(separator: ",") {
            let words = part.split(separator: " ").map { String($0).lowercased() }
            guard let field = words.first, schema.readable.contains(field) || field == "id", words.count <= 2, words.count == 1 || ["asc", "desc"].contains(words[1]) else {
                throw .valueError("Invalid \"order\" specified (\(order)).")
            }
            keys.append((field, words.count == 2 && words[1] == "desc"))
        }
        func value(_ record: OdooSandboxRecord, _ field: String) -> String {
            if field == "id" { return String(format: "%012d", record.id) }
            switch record.fields[field] {
            case .string(let text): return text.lowercased()
            case .number(let number): return String(format: "%020.4f", number)
            case .array(let pair): return pair.last?.string?.lowercased() ?? ""
            default: return ""
            }
        }
        return records.sorted { left, right in
            for key in keys {
                let a = value(left, key.field)
                let b = value(right, key.field)
                if a != b { return key.descending ? a > b : a < b }
            }
            return left.id < right.id
        }
    }

    /// The records with `ids`, or `MissingError` naming those that are gone.
    private func existing(_ schema: OdooModelSchema, _ ids: [Int]) throws(OdooSandboxError) -> [OdooSandboxRecord] {
        let found = self.state.withLock { state in ids.compactMap { state.record(schema.name, $0) } }
        let missing = ids.filter { id in !found.contains { $0.id == id } }
        guard missing.isEmpty else { throw .missing(model: schema.name, ids: missing) }
        return found
    }

    /// `fields=[…]`: each must exist (a `ValueError` otherwise); `nil` reads every field.
    private static func fieldNames(_ value: JSONValue?, schema: OdooModelSchema) throws(OdooSandboxError) -> [String]? {
        guard let list = value?.array, !list.isEmpty else { return nil }
        var names: [String] = []
        for item in list {
            guard let name = item.string, schema.domainFields.contains(name) else { throw .invalidField(item.string ?? "?", model: schema.name) }
            names.append(name)
        }
        return names
    }

    /// `res.partner/create`: one values object or a list of them; answers the new ids.
    private func create(_ schema: OdooModelSchema, _ valuesList: JSONValue) throws(OdooSandboxError) -> [Int] {
        let list: [JSONValue] = valuesList.array ?? [valuesList]
        var prepared: [[String: JSONValue]] = []
        for item in list {
            guard let values = item.object else { throw .valueError("vals_list must be a dict or a list of dicts") }
            prepared.append(try self.partnerValues(values, existing: nil))
        }
        return self.state.withLock { state in
            prepared.map { fields in
                let id = state.nextID(schema.name)
                state.store(OdooSandboxRecord(id: id, model: schema.name, fields: fields))
                return id
            }
        }
    }

    /// `write(vals)` on partners or notes; every id must exist.
    private func write(_ schema: OdooModelSchema, ids: [Int], values: JSONValue) throws(OdooSandboxError) {
        guard let values = values.object else { throw .valueError("vals must be a dict") }
        let records = try self.existing(schema, ids)
        var updated: [OdooSandboxRecord] = []
        for var record in records {
            if schema.name == "res.partner" {
                record.fields = try self.partnerValues(values, existing: record.fields)
            } else {
                for (name, value) in values {
                    guard schema.writable.contains(name) else {
                        if schema.readable.contains(name) { continue }
                        throw .invalidField(name, model: schema.name)
                    }
                    guard value.string != nil || value == .bool(false) else { throw .valueError("Wrong value for \(schema.name).\(name): \(String(decoding: value.encoded(), as: UTF8.self))") }
                    record.fields[name] = value
                }
                record.fields["write_date"] = .string(OdooSandboxSeed.time(Date()))
            }
            updated.append(record)
        }
        self.state.withLock { state in for record in updated { state.store(record) } }
    }

    /// A partner's stored fields after applying `values`: unknown fields are a `ValueError`, a
    /// contact without a name violates `res_partner_check_name` (a `ValidationError`).
    private func partnerValues(_ values: [String: JSONValue], existing: [String: JSONValue]?) throws(OdooSandboxError) -> [String: JSONValue] {
        let schema = OdooModelSchema.partner
        for name in values.keys.sorted() where !schema.writable.contains(name) && !schema.readable.contains(name) {
            throw .invalidField(name, model: schema.name)
        }
        let now = OdooSandboxSeed.time(Date())
        var fields = existing ?? OdooSandboxSeed.partnerFields(name: "", phone: nil, email: nil, isCompany: false, parent: nil, created: now)
        if existing == nil { fields["name"] = .bool(false) }
        for (name, value) in values where schema.writable.contains(name) {
            switch name {
            case "is_company", "active":
                guard let flag = value.bool else { throw .valueError("Wrong value for res.partner.\(name): \(String(decoding: value.encoded(), as: UTF8.self))") }
                fields[name] = .bool(flag)
            case "parent_id":
                if value == .bool(false) || value == .null {
                    fields[name] = .bool(false)
                } else {
                    guard let id = value.integer, let parent = self.state.withLock({ $0.record("res.partner", id) }) else {
                        throw .validationError("The operation cannot be completed: another model requires the record being deleted, or the record referenced (res.partner) does not exist.\n\nModel: Contact (res.partner)\nField: Related Company (parent_id)")
                    }
                    fields[name] = .array([.int(id), parent.fields["name"] ?? .bool(false)])
                }
            case "type":
                guard let type = value.string, ["contact", "invoice", "delivery", "other"].contains(type) else {
                    throw .valueError("Wrong value for res.partner.type: \(String(decoding: value.encoded(), as: UTF8.self))")
                }
                fields[name] = value
            default:
                guard value.string != nil || value == .bool(false) || value == .null else {
                    throw .valueError("Wrong value for res.partner.\(name): \(String(decoding: value.encoded(), as: UTF8.self))")
                }
                fields[name] = value == .null ? .bool(false) : value
            }
        }
        let name = fields["name"]?.string ?? ""
        if fields["type"]?.string == "contact", name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .validationError("The operation cannot be completed: Contacts require a name")
        }
        let parentName = fields["parent_id"]?.array?.last?.string
        fields["display_name"] = .string(parentName.map { "\($0), \(name)" } ?? name)
        fields["phone_sanitized"] = OdooPhoneSearch.sanitized(fields["phone"]?.string).map { .string($0) } ?? .bool(false)
        fields["write_date"] = .string(now)
        return fields
    }
}
