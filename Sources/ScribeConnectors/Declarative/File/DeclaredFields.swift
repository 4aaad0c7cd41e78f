import Foundation
import ScribeCore

/// The custom fields a connector file declares itself (`custom_fields:`), for CRMs whose call
/// records have admin-defined fields that no API lists, or whose list the file's author prefers to fix.
///
/// ```yaml
/// custom_fields:
///   - {key: Call_Purpose, label: Purpose, kind: choice, options: [Prospecting, Demo]}
///   - {key: Budget, kind: number}
/// ```
enum DeclaredFields {
    static let keys = ["key", "label", "kind", "options"]

    /// The fields of `node` (a list), each problem reported at its line.
    static func read(_ node: SpecNode, reader: SpecReader) -> [CustomField] {
        guard case .list(let items) = node.value else {
            reader.report(node, "custom_fields is a list of {key, label, kind, options}")
            return []
        }
        var fields: [CustomField] = []
        for item in items {
            guard let field = DeclaredFields.field(item, reader: reader) else { continue }
            if fields.contains(where: { $0.key == field.key }) {
                reader.report(item, "the custom field '\(field.key)' is declared twice")
                continue
            }
            fields.append(field)
        }
        return fields
    }

    private static func field(_ node: SpecNode, reader: SpecReader) -> CustomField? {
        guard let map = reader.map(node, allowed: DeclaredFields.keys, required: ["key"]) else { return nil }
        guard let key = map["key"].flatMap({ reader.text($0) }) else { return nil }
        if key.isEmpty, let keyNode = map["key"] { reader.report(keyNode, "a custom field's key is the CRM's API name for it; it cannot be empty") }
        let label = map["label"].flatMap { reader.text($0) } ?? key
        let kind = map["kind"].flatMap { reader.choice($0, as: CustomField.Kind.self) } ?? .text
        var options: [CustomField.Option] = []
        if let optionsNode = map["options"] {
            if kind != .choice {
                reader.report(optionsNode, "options belong to a field of kind choice; '\(key)' is \(kind.rawValue)")
            }
            options = DeclaredFields.options(optionsNode, reader: reader)
        } else if kind == .choice {
            reader.report(node, "the choice field '\(key)' needs 'options': a list of values, or of {value, label}")
        }
        guard !key.isEmpty else { return nil }
        return CustomField(key: key, label: label, kind: kind, options: kind == .choice ? options : [])
    }

    /// A choice's options: plain values (shown as they are) or `{value, label}`.
    static func options(_ node: SpecNode, reader: SpecReader) -> [CustomField.Option] {
        guard case .list(let items) = node.value, !items.isEmpty else {
            reader.report(node, "options is a list of values, or of {value, label}, with at least one")
            return []
        }
        var options: [CustomField.Option] = []
        for item in items {
            let option: CustomField.Option?
            if let text = item.scalarText {
                option = CustomField.Option(value: text, label: text)
            } else if let map = reader.map(item, allowed: ["value", "label"], required: ["value"]), let value = map["value"].flatMap({ reader.text($0) }) {
                option = CustomField.Option(value: value, label: map["label"].flatMap { reader.text($0) } ?? value)
            } else {
                option = nil
            }
            guard let option else { continue }
            if options.contains(where: { $0.value == option.value }) {
                reader.report(item, "the option '\(option.value)' is listed twice")
                continue
            }
            options.append(option)
        }
        return options
    }
}

/// One call outcome a connector file declares (`dispositions:`): what the CRM stores, what people
/// see, and the call results it is written for when nobody chose one.
struct DeclaredDisposition: Sendable, Hashable {
    var disposition: CallDisposition
    /// The results this outcome is the default for (`default_for:`); without any, the outcome whose
    /// label is ``CallDisposition/defaultLabel(for:)`` is.
    var defaultFor: Set<CallResult>

    static let keys = ["id", "label", "default_for"]

    /// The dispositions of `node` (a list of `{id, label, default_for}` or plain ids), each problem at its line.
    static func read(_ node: SpecNode, reader: SpecReader) -> [DeclaredDisposition] {
        guard case .list(let items) = node.value else {
            reader.report(node, "dispositions is a list of {id, label} or of plain values")
            return []
        }
        var declared: [DeclaredDisposition] = []
        for item in items {
            guard let disposition = DeclaredDisposition(item, reader: reader) else { continue }
            if declared.contains(where: { $0.disposition.id == disposition.disposition.id }) {
                reader.report(item, "the disposition '\(disposition.disposition.id)' is declared twice")
                continue
            }
            for result in disposition.defaultFor where declared.contains(where: { $0.defaultFor.contains(result) }) {
                reader.report(item, "two dispositions are the default for \(result.rawValue.lowercased()) calls")
            }
            declared.append(disposition)
        }
        return declared
    }

    private init?(_ node: SpecNode, reader: SpecReader) {
        if let text = node.scalarText {
            guard !text.isEmpty else {
                reader.report(node, "a disposition cannot be empty")
                return nil
            }
            self.disposition = CallDisposition(id: text, label: text)
            self.defaultFor = []
            return
        }
        guard let map = reader.map(node, allowed: DeclaredDisposition.keys, required: ["id"]) else { return nil }
        guard let id = map["id"].flatMap({ reader.text($0) }) else { return nil }
        if id.isEmpty, let idNode = map["id"] {
            reader.report(idNode, "a disposition's id is what the CRM stores; it cannot be empty")
            return nil
        }
        self.disposition = CallDisposition(id: id, label: map["label"].flatMap { reader.text($0) } ?? id)
        var results: Set<CallResult> = []
        for resultNode in map["default_for"].map({ reader.list($0) }) ?? [] {
            guard let text = reader.text(resultNode) else { continue }
            guard let result = [CallResult.answered, .missed, .voicemail].first(where: { $0.rawValue.lowercased() == text }) else {
                reader.report(resultNode, "'\(text)' is not a call result: answered, missed or voicemail")
                continue
            }
            results.insert(result)
        }
        self.defaultFor = results
    }
}
