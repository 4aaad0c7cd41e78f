import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeCore

/// A CRM connector made from a connector file (``ConnectorSpec``) and a connection's inputs.
///
/// Contact searches try the file's phone formats in order and stop at the first format that finds
/// anyone; within a format every search runs (contacts, then leads, in the file's order). Every HTTP
/// request goes through the connection's ``RequestBudget`` on its own, so an operation of three
/// requests spends three.
public struct DeclarativeConnector: CRMConnector {
    public let spec: ConnectorSpec
    let engine: DeclarativeEngine
    /// The CRM's dispositions from `list_dispositions`, shared by this connector's copies: every call
    /// record written needs them, and they change only when the CRM's admin edits them.
    let dispositionCache: ExpiringCache<[CallDisposition]>

    /// How long dispositions read with `list_dispositions` are reused before they are read again.
    public static let dispositionLifetime: TimeInterval = 600

    /// - Parameters:
    ///   - inputs: the connection's inputs by name; those the file declares with a default may be left out.
    ///   - tokenProvider: for an OAuth2 file, the provider that refreshes the connection's tokens.
    ///   - budget: the connection's request budget; nil sends without one.
    /// - Throws: ``ConnectorError`` `.permanent` naming a missing input or an unusable base URL.
    public init(
        spec: ConnectorSpec, inputs: [String: String], httpClient: HTTPClient, tokenProvider: CRMTokenProvider? = nil,
        budget: (any RequestBudget)? = nil, now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "callscribe.crm.file")
    ) throws(ConnectorError) {
        let operation = "\(spec.name).connect"
        let values = try spec.inputValues(inputs)
        let context = JSONValue.object(["inputs": values])
        let baseURL = try spec.baseURL(values: values)
        var headers = HTTPHeaders()
        for header in spec.headers {
            do {
                headers.replaceOrAdd(name: header.name, value: try header.value.render(in: context, escaping: .header))
            } catch {
                throw ConnectorError(.permanent, operation: operation, message: "header \(header.name): \(error.message)")
            }
        }
        let defaultHeaders = headers
        let http = ConnectorHTTPClient(httpClient: httpClient, timeout: .milliseconds(Int64(spec.timeout * 1000)), logger: logger)
        let errors = DeclarativeErrorMapper(rules: spec.errors)
        var login: LoginTokenKeeper.Login?
        if case .login(let request, let token, let expiresIn, _, _) = spec.auth {
            login = { () async throws(ConnectorError) -> (token: String, expiresIn: TimeInterval?) in
                let engine = DeclarativeEngine(
                    spec: spec, inputs: context, baseURL: baseURL, defaultHeaders: defaultHeaders, http: http, budget: budget,
                    authorizer: try DeclarativeAuthorizer(.none, inputs: values, tokenProvider: nil, login: nil, now: now, connector: spec.name),
                    errors: errors, lookups: LookupCache(), now: now
                )
                return try await DeclarativeConnector.logIn(engine, request: request, token: token, expiresIn: expiresIn)
            }
        }
        let authorizer = try DeclarativeAuthorizer(spec.auth, inputs: values, tokenProvider: tokenProvider, login: login, now: now, connector: spec.name)
        self.spec = spec
        self.dispositionCache = ExpiringCache(lifetime: DeclarativeConnector.dispositionLifetime, now: now)
        self.engine = DeclarativeEngine(
            spec: spec, inputs: context, baseURL: baseURL, defaultHeaders: headers, http: http, budget: budget, authorizer: authorizer,
            errors: errors, lookups: LookupCache(), now: now
        )
    }

    public var bodyFormat: BodyFormat { self.spec.bodyFormat }
    public var capabilities: ConnectorCapabilities { self.spec.capabilities }

    public func findContacts(matching phone: PhoneNumber) async throws(ConnectorError) -> [Contact] {
        let usesFormats = self.spec.searches.contains { $0.templates.contains { $0.reads(["phone", "formatted"]) } }
        let formats = usesFormats ? self.spec.phoneFormats.compactMap { $0.format(phone) } : [phone.e164]
        var tried: Set<String> = []
        for formatted in formats where tried.insert(formatted).inserted {
            let found = try await self.collect(self.spec.searches, in: .object(["phone": phone.templateValue(formatted: formatted)]), fallbackName: phone.e164)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// The people `searches` find in `context`, in order, each once (as the first search found them).
    func collect(_ searches: [OperationSpec], in context: JSONValue, fallbackName: String?) async throws(ConnectorError) -> [Contact] {
        var found: [Contact] = []
        for search in searches {
            let (_, items) = try await self.engine.run(search, in: context)
            for item in items {
                guard let contact = try self.contact(from: item, of: search, fallbackName: fallbackName) else { continue }
                if !found.contains(where: { $0.id == contact.id }) { found.append(contact) }
            }
        }
        return found
    }

    public func createContact(named name: String, phone: PhoneNumber) async throws(ConnectorError) -> Contact {
        let operation = try self.operation(.createContact)
        let (context, _) = try await self.engine.run(operation, in: .object(["name": .string(name), "phone": phone.templateValue(formatted: phone.e164)]))
        guard let id = try self.engine.field("id", of: operation, in: context)?.text else {
            throw self.missing("id", operation)
        }
        let storedName = try self.engine.field("name", of: operation, in: context)?.text ?? name
        return Contact(id: ContactID(id), name: storedName, phoneNumbers: [phone.e164])
    }

    public func relatedRecords(of contact: ContactID) async throws(ConnectorError) -> [RelatedRecord] {
        guard let operation = self.spec.operations[.relatedRecords] else { return [] }
        let (_, items) = try await self.engine.run(operation, in: .object(["contact": .object(["id": .string(contact.rawValue)])]))
        var records: [RelatedRecord] = []
        for item in items {
            let context = self.itemContext(item)
            guard let id = try self.engine.field("id", of: operation, in: context)?.text else { continue }
            let name = try self.engine.field("name", of: operation, in: context)?.text ?? id
            let kind = try self.engine.field("kind", of: operation, in: context)?.text ?? "record"
            records.append(RelatedRecord(id: id, kind: kind, name: name))
        }
        return records
    }

    public func createCallRecord(_ entry: CallLogEntry) async throws(ConnectorError) -> CRMRecordID {
        let operation = try self.operation(.createCall)
        let call = entry.templateValue(disposition: try await self.disposition(for: entry, in: operation))
        let (context, _) = try await self.engine.run(operation, in: .object(["call": call, "contact": entry.contact.templateValue]))
        guard let id = try self.engine.field("id", of: operation, in: context)?.text else { throw self.missing("id", operation) }
        return CRMRecordID(id)
    }

    public func updateCallRecord(_ id: CRMRecordID, with entry: CallLogEntry) async throws(ConnectorError) {
        let operation = try self.operation(.updateCall)
        let call = entry.templateValue(disposition: try await self.disposition(for: entry, in: operation))
        _ = try await self.engine.run(
            operation, in: .object(["call": call, "contact": entry.contact.templateValue, "record": .object(["id": .string(id.rawValue)])])
        )
    }

    public func readCallRecord(_ id: CRMRecordID) async throws(ConnectorError) -> CallRecordSnapshot {
        let operation = try self.operation(.readCall)
        let (context, _) = try await self.engine.run(operation, in: .object(["record": .object(["id": .string(id.rawValue)])]))
        let subject = try self.engine.field("subject", of: operation, in: context)?.text ?? ""
        let body = try self.engine.field("body", of: operation, in: context)?.text ?? ""
        return CallRecordSnapshot(subject: subject, body: body)
    }

    public func findCallRecord(marker: CallLogID) async throws(ConnectorError) -> CRMRecordID? {
        guard let operation = self.spec.operations[.findCall] else { return nil }
        let (context, items) = try await self.engine.run(operation, in: .object(["marker": .string(marker.rawValue)]))
        if operation.results != nil {
            for item in items {
                let itemContext = JSONValue.object(["item": item, "response": context["response"], "inputs": self.engine.inputs["inputs"]])
                if let id = try self.engine.field("id", of: operation, in: itemContext)?.text { return CRMRecordID(id) }
            }
            return nil
        }
        return try self.engine.field("id", of: operation, in: context).map { CRMRecordID($0.text) }
    }

    /// The CRM's users from `list_users`, for mapping agents to record owners; none without it.
    public func users() async throws(ConnectorError) -> [CRMUser] {
        guard let operation = self.spec.operations[.listUsers] else { return [] }
        let (_, items) = try await self.engine.run(operation, in: .object([:]))
        var users: [CRMUser] = []
        for item in items {
            let context = self.itemContext(item)
            guard let id = try self.engine.field("id", of: operation, in: context)?.text else { continue }
            let name = try self.engine.field("name", of: operation, in: context)?.text ?? id
            let email = try self.engine.field("email", of: operation, in: context)?.text ?? ""
            users.append(CRMUser(id: id, name: name, email: email))
        }
        return users
    }

    // MARK: - Helpers

    /// What a result mapping reads for one item of a list: `{{item.…}}` and the inputs.
    /// What a mapping of one listed item reads: `item` and `inputs`, and `option` when it maps one of the item's options.
    func itemContext(_ item: JSONValue, option: JSONValue? = nil) -> JSONValue {
        var members: [String: JSONValue] = ["item": item, "inputs": self.engine.inputs["inputs"]]
        members["option"] = option
        return .object(members)
    }

    func operation(_ name: OperationName) throws(ConnectorError) -> OperationSpec {
        guard let operation = self.spec.operations[name] else {
            throw ConnectorError(.permanent, operation: self.engine.label(name.rawValue), message: "the connector file has no '\(name.rawValue)' operation")
        }
        return operation
    }

    private func missing(_ field: String, _ operation: OperationSpec) -> ConnectorError {
        ConnectorError(
            .permanent, operation: self.engine.label(operation.name.rawValue),
            message: "the answer has no \(field) where the file's '\(field)' mapping looks"
        )
    }

    /// One item of a contact search as a contact; nil when it has no id. Without a name it is called
    /// `fallbackName`, or by its id.
    func contact(from item: JSONValue, of search: OperationSpec, fallbackName: String?) throws(ConnectorError) -> Contact? {
        let context = self.itemContext(item)
        guard let id = try self.engine.field("id", of: search, in: context)?.text else { return nil }
        let name = try self.engine.field("name", of: search, in: context)?.text.trimmingCharacters(in: .whitespaces)
        let phones = try self.engine.field("phone", of: search, in: context)?.elements.map(\.text).filter { !$0.isEmpty } ?? []
        let updated = try self.engine.field("updated_at", of: search, in: context).flatMap { try? TemplateDates.date($0) }
        let created = try self.engine.field("created_at", of: search, in: context).flatMap { try? TemplateDates.date($0) }
        return Contact(
            id: ContactID(id), name: (name?.isEmpty ?? true) ? fallbackName ?? id : name!, phoneNumbers: phones, updatedAt: updated, createdAt: created,
            kind: search.kind == "lead" ? .lead : .contact
        )
    }

    /// Sends the file's login request and reads the token (and its lifetime) from the answer.
    private static func logIn(
        _ engine: DeclarativeEngine, request: RequestSpec, token: Template, expiresIn: Template?
    ) async throws(ConnectorError) -> (token: String, expiresIn: TimeInterval?) {
        let label = engine.label("login")
        let rendered = try engine.request(request, in: engine.inputs, operation: label)
        let response: DeclarativeResponse
        do {
            response = try await engine.exchange(rendered, operation: label, authorized: false)
        } catch where error.kind == .authExpired || error.kind == .permissionDenied {
            throw ConnectorError(.permanent, operation: label, status: error.status, message: "the CRM refused the login: \(error.message)")
        }
        let context = response.recorded(in: engine.inputs, step: nil)
        let value = try engine.evaluate(token, in: context, operation: label).text
        guard !value.isEmpty else { throw ConnectorError(.permanent, operation: label, message: "the login answer has no token where the file's 'token' looks") }
        let lifetime = try expiresIn.map { (template) throws(ConnectorError) in try engine.evaluate(template, in: context, operation: label) }
        return (value, lifetime.flatMap { Double($0.text) })
    }
}
