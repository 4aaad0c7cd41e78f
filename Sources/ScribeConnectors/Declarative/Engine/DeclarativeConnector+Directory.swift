import Foundation
import ScribeCore

extension DeclarativeConnector {
    /// The call records' custom fields: those the file declares (`custom_fields:`), or those its
    /// `list_custom_fields` operation reads from the CRM; none when it does neither.
    ///
    /// From the operation, an item without a key is skipped, a missing label is the key, an empty
    /// kind is text, and an item whose kind is not text, number or choice (a lookup, a date) is left
    /// out, as is a choice without options: Callscribe could not check a value for it.
    public func customFields() async throws(ConnectorError) -> [CustomField] {
        guard let operation = self.spec.operations[.listCustomFields] else { return self.spec.declaredFields }
        let (_, items) = try await self.engine.run(operation, in: .object([:]))
        var fields: [CustomField] = []
        for item in items {
            let context = self.itemContext(item)
            guard let key = try self.engine.field("key", of: operation, in: context)?.text, !fields.contains(where: { $0.key == key }) else { continue }
            let label = try self.engine.field("label", of: operation, in: context)?.text ?? key
            let kindText = try self.engine.field("kind", of: operation, in: context)?.text ?? CustomField.Kind.text.rawValue
            guard let kind = CustomField.Kind(rawValue: kindText) else { continue }
            var options: [CustomField.Option] = []
            if kind == .choice {
                options = try self.options(of: item, operation)
                if options.isEmpty { continue }
            }
            fields.append(CustomField(key: key, label: label, kind: kind, options: options))
        }
        return fields
    }

    /// The call outcomes people may choose from: those the file declares (`dispositions:`), or those
    /// its `list_dispositions` operation reads (kept for ``dispositionLifetime``); none without either.
    public func dispositions() async throws(ConnectorError) -> [CallDisposition] {
        guard let operation = self.spec.operations[.listDispositions] else { return self.spec.declaredDispositions.map(\.disposition) }
        return try await self.dispositionCache.value { () async throws(ConnectorError) in
            let (_, items) = try await self.engine.run(operation, in: .object([:]))
            var dispositions: [CallDisposition] = []
            for item in items {
                let context = self.itemContext(item)
                guard let id = try self.engine.field("id", of: operation, in: context)?.text, !dispositions.contains(where: { $0.id == id }) else { continue }
                dispositions.append(CallDisposition(id: id, label: try self.engine.field("label", of: operation, in: context)?.text ?? id))
            }
            return dispositions
        }
    }

    /// `{{call.disposition}}` for `entry` in `operation`: the outcome a person chose, as the CRM
    /// stores it (its id when it is one of the CRM's dispositions, else the text as chosen, for the CRM
    /// to judge); when nobody chose one, the file's default for the call's result (`default_for:`, else
    /// the disposition labelled ``CallDisposition/defaultLabel(for:)``), none while the call is going.
    /// Dispositions are only read when the operation writes them.
    func disposition(for entry: CallLogEntry, in operation: OperationSpec) async throws(ConnectorError) -> String? {
        let chosen = entry.disposition?.trimmingCharacters(in: .whitespacesAndNewlines)
        let written = operation.templates.contains { $0.reads(["call", "disposition"]) }
        // Without dispositions in the file, `dispositions()` is empty at no cost and the chosen text goes as it is.
        guard written else { return chosen?.isEmpty == false ? chosen : nil }
        let offered: [CallDisposition]
        do {
            offered = try await self.dispositions()
        } catch {
            // The write did not happen: its failure, for retries and the failure codes, with the cause said.
            var error = error
            error.operation = self.engine.label(operation.name.rawValue)
            error.message = "reading the CRM's dispositions: " + error.message
            throw error
        }
        if let chosen, !chosen.isEmpty { return CallDisposition.named(chosen, in: offered)?.id ?? chosen }
        guard !entry.inProgress else { return nil }
        if let declared = self.spec.declaredDispositions.first(where: { $0.defaultFor.contains(entry.result) }) { return declared.disposition.id }
        return CallDisposition.named(CallDisposition.defaultLabel(for: entry.result), in: offered)?.id
    }

    /// A choice field's options from `list_custom_fields`: each element of its `options` list, read by
    /// `option_value`/`option_label` when the file maps them, else the element's text, or its
    /// `value` and `label` members when it is an object.
    private func options(of item: JSONValue, _ operation: OperationSpec) throws(ConnectorError) -> [CustomField.Option] {
        var options: [CustomField.Option] = []
        for element in try self.engine.field("options", of: operation, in: self.itemContext(item))?.elements ?? [] {
            let optionContext = self.itemContext(item, option: element)
            let isObject = if case .object = element { true } else { false }
            let value =
                operation.fields["option_value"] != nil
                ? try self.engine.field("option_value", of: operation, in: optionContext)?.text ?? ""
                : (isObject ? element["value"].text : element.text)
            guard !value.isEmpty, !options.contains(where: { $0.value == value }) else { continue }
            let label =
                operation.fields["option_label"] != nil
                ? try self.engine.field("option_label", of: operation, in: optionContext)?.text ?? ""
                : (isObject ? element["label"].text : "")
            options.append(CustomField.Option(value: value, label: label.isEmpty ? value : label))
        }
        return options
    }
}
