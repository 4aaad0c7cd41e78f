import Foundation
import ScribeCore

/// A CRM described in a connector file (YAML or JSON): how to reach it, how to authenticate, and one
/// or more HTTP steps per operation. `docs/connector-files.md` is the reference for the format.
///
/// Loading checks the whole file and reports every mistake with its line (``ConnectorFileError``);
/// a spec that loads is complete: its templates use only variables available where they are written.
public struct ConnectorSpec: Sendable {
    /// The connector's short name, e.g. `clio`; connections made from the file are of kind `file:<name>`.
    public let name: String
    public let title: String
    public let bodyFormat: BodyFormat
    let baseURL: Template
    let headers: [(name: String, value: Template)]
    let inputs: [InputSpec]
    let auth: AuthSpec
    let phoneFormats: [PhoneFormat]
    let rateLimit: RateLimitSpec?
    let lookups: [LookupSpec]
    /// The contact searches, in the order tried; each is a `find_contacts` item.
    let searches: [OperationSpec]
    /// The searches by name, in the order run; each is a `find_contacts_by_name` item. Empty when the
    /// file cannot search by name.
    let nameSearches: [OperationSpec]
    let operations: [OperationName: OperationSpec]
    let errors: [ErrorRule]
    let timeout: TimeInterval
    /// The call records' custom fields as the file declares them (`custom_fields:`); empty when it
    /// declares none or reads them with `list_custom_fields`.
    let declaredFields: [CustomField]
    /// The call outcomes as the file declares them (`dispositions:`); empty when it declares none or
    /// reads them with `list_dispositions`.
    let declaredDispositions: [DeclaredDisposition]

    static let keys = [
        "connector", "title", "format_version", "docs", "base_url", "headers", "body_format", "inputs", "auth", "phone_formats",
        "rate_limit", "timeout_seconds", "lookups", "operations", "errors", "custom_fields", "dispositions",
    ]

    /// The inputs a connection of this file takes, with whether each is secret and its default.
    public var inputNames: [(name: String, secret: Bool, defaultValue: String?, description: String)] {
        self.inputs.map { ($0.name, $0.secret, $0.defaultValue, $0.description) }
    }

    /// Reads and checks the connector file at `path`.
    ///
    /// - Throws: ``ConnectorFileError``, also when the file cannot be read (line 0).
    public static func load(contentsOf path: String) throws(ConnectorFileError) -> ConnectorSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConnectorFileError(file: path, problems: [ConnectorFileProblem(line: 0, column: 0, path: "", message: "cannot read the file")])
        }
        return try ConnectorSpec.load(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Reads and checks a connector file.
    ///
    /// - Parameter file: the file's name, for messages.
    /// - Throws: ``ConnectorFileError`` listing every problem found, each with its line.
    public static func load(_ text: String, file: String) throws(ConnectorFileError) -> ConnectorSpec {
        let root: SpecNode
        do {
            root = try SpecNode.parse(text)
        } catch {
            throw ConnectorFileError(file: file, problems: [error])
        }
        let reader = SpecReader()
        let spec = ConnectorSpec(root, reader: reader)
        guard let spec, reader.problems.isEmpty else {
            throw ConnectorFileError(file: file, problems: reader.problems.isEmpty ? [root.problem("the file is incomplete")] : reader.problems)
        }
        return spec
    }

    private init?(_ root: SpecNode, reader: SpecReader) {
        guard let map = reader.map(root, allowed: ConnectorSpec.keys, required: ["connector", "format_version", "base_url", "auth", "operations"]) else {
            return nil
        }
        if let node = map["format_version"], let version = reader.text(node), version != "1" {
            reader.report(node, "format_version \(version) is not known to this Callscribe; it reads format_version 1")
        }
        let name = map["connector"].flatMap { reader.text($0) } ?? ""
        if let node = map["connector"], name.isEmpty || name.contains(where: { !($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }) {
            reader.report(node, "the connector name is lower-case letters, digits, '-' and '_', e.g. clio")
        }
        self.name = name
        self.title = map["title"].flatMap { reader.text($0) } ?? name
        self.bodyFormat = map["body_format"].flatMap { node in
            guard let text = reader.text(node) else { return nil }
            guard let format = BodyFormat(rawValue: text) else {
                reader.report(node, "'\(text)' is not one of plain_text, html, markdown")
                return nil
            }
            return format
        } ?? .plainText
        self.timeout = TimeInterval(map["timeout_seconds"].flatMap { reader.integer($0, in: 1...120) } ?? 10)

        var inputs: [InputSpec] = []
        if let node = map["inputs"], case .map(let members) = node.value {
            for member in members {
                if let input = InputSpec(name: member.key, member.node, reader: reader) { inputs.append(input) }
            }
        } else if let node = map["inputs"] {
            reader.report(node, "inputs is a mapping of input names to {secret, default, description}")
        }
        let auth = map["auth"].flatMap { AuthSpec($0, reader: reader, inputs: Set(inputs.map(\.name))) } ?? .none
        self.auth = auth
        if case .oauth2 = auth {
            for name in AuthSpec.oauthInputs where !inputs.contains(where: { $0.name == name }) {
                inputs.append(InputSpec(name: name, secret: name != "client_id", defaultValue: nil, description: "OAuth2 \(name.replacingOccurrences(of: "_", with: " "))"))
            }
            if !inputs.contains(where: { $0.name == "access_token" }) {
                inputs.append(InputSpec(name: "access_token", secret: true, defaultValue: "", description: "OAuth2 access token to start with (optional)"))
            }
        }
        self.inputs = inputs
        reader.inputs = Set(inputs.map(\.name))
        self.baseURL = map["base_url"].flatMap { reader.template($0, scope: .settings) } ?? Template(literal: "")
        self.headers = map["headers"].map { RequestSpec.pairs($0, scope: .settings, reader: reader) } ?? []

        var formats: [PhoneFormat] = []
        for node in map["phone_formats"].map({ reader.list($0) }) ?? [] {
            guard let text = reader.text(node) else { continue }
            if let format = PhoneFormat(text) { formats.append(format) } else {
                reader.report(node, "'\(text)' is not a phone format: e164, digits, national, local, or a mask with # for digits")
            }
        }
        self.phoneFormats = formats.isEmpty ? [.e164] : formats
        self.rateLimit = map["rate_limit"].flatMap { RateLimitSpec($0, reader: reader) }

        var lookups: [LookupSpec] = []
        if let node = map["lookups"], case .map(let members) = node.value {
            reader.lookups = Set(members.map(\.key))
            for member in members {
                if let lookup = LookupSpec(name: member.key, member.node, reader: reader) { lookups.append(lookup) }
            }
        } else if let node = map["lookups"] {
            reader.report(node, "lookups is a mapping of names to {request, value}")
        }
        self.lookups = lookups
        reader.lookups = Set(lookups.map(\.name))

        var operations: [OperationName: OperationSpec] = [:]
        var searches: [OperationSpec] = []
        var nameSearches: [OperationSpec] = []
        if let node = map["operations"], let operationMap = reader.map(node, allowed: OperationName.allCases.map(\.rawValue)) {
            for name in OperationName.required where operationMap[name.rawValue] == nil {
                reader.report(node, "operation '\(name.rawValue)' is missing")
            }
            for member in operationMap.members {
                guard let name = OperationName(rawValue: member.key) else { continue }
                if name == .findContacts {
                    searches = reader.list(member.node).compactMap { OperationSpec(.findContacts, $0, reader: reader) }
                } else if name == .findContactsByName {
                    nameSearches = reader.list(member.node).compactMap { OperationSpec(.findContactsByName, $0, reader: reader) }
                } else if let operation = OperationSpec(name, member.node, reader: reader) {
                    operations[name] = operation
                }
            }
        }
        self.operations = operations
        self.searches = searches
        self.nameSearches = nameSearches
        self.errors = map["errors"].map { reader.list($0).compactMap { ErrorRule($0, reader: reader) } } ?? []
        self.declaredFields = map["custom_fields"].map { DeclaredFields.read($0, reader: reader) } ?? []
        self.declaredDispositions = map["dispositions"].map { DeclaredDisposition.read($0, reader: reader) } ?? []
        // One source per list: a file that both declares a list and reads it from the CRM would leave
        // it unclear which one the log form offers.
        if let node = map["operations"], case .map(let operationMembers) = node.value {
            for (key, operation) in [("custom_fields", OperationName.listCustomFields), ("dispositions", .listDispositions)] {
                guard let declared = map[key], let member = operationMembers.first(where: { $0.key == operation.rawValue }) else { continue }
                reader.report(
                    ConnectorFileProblem(
                        line: member.keyLine, column: member.keyColumn, path: "operations",
                        message: "'\(operation.rawValue)' reads the \(key.replacingOccurrences(of: "_", with: " ")) from the CRM, but '\(key)' (line \(declared.line)) declares them too; keep one"
                    )
                )
            }
        }

    }

    /// What a connector made from this file can do.
    public var capabilities: ConnectorCapabilities {
        ConnectorCapabilities(
            customFields: !self.declaredFields.isEmpty || self.operations[.listCustomFields] != nil,
            dispositions: !self.declaredDispositions.isEmpty || self.operations[.listDispositions] != nil,
            editDetection: self.operations[.readCall] != nil, markerSearch: self.operations[.findCall] != nil,
            relatedRecords: self.operations[.relatedRecords] != nil, leads: self.searches.contains { $0.kind == "lead" },
            owners: self.operations[.listUsers] != nil, nameSearch: !self.nameSearches.isEmpty
        )
    }
}
