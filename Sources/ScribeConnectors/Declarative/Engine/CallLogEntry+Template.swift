import Foundation
import ScribeCore

extension CallLogEntry {
    /// The call as connector files read it, `{{call.…}}`; ``Contact/templateValue`` is `{{contact.…}}`.
    ///
    /// - Parameter disposition: `{{call.disposition}}`, the outcome to write as the CRM stores it,
    ///   resolved by the connector against the file's dispositions; nil for none.
    func templateValue(disposition: String?) -> JSONValue {
        let iso = Date.ISO8601FormatStyle()
        var members: [String: JSONValue] = [
            "marker": .string(self.marker.rawValue),
            "subject": .string(self.subject),
            "body": .string(self.body),
            "started_at": .string(self.startedAt.formatted(iso)),
            "ended_at": .string(self.startedAt.addingTimeInterval(self.duration).formatted(iso)),
            "duration_seconds": .number(self.duration.rounded()),
            "direction": .string(self.direction.rawValue.lowercased()),
            "result": .string(self.result.rawValue.lowercased()),
            "in_progress": .bool(self.inProgress),
            "from": .string(self.fromNumber),
            "to": .string(self.toNumber),
            "session_id": .string(self.sessionID.rawValue),
            "custom_fields": .object(self.customFields.mapValues(JSONValue.string)),
            "writes_disposition": .bool(self.writesDisposition),
        ]
        members["disposition"] = disposition.map(JSONValue.string) ?? .null
        members["agent_name"] = self.agentName.map(JSONValue.string) ?? .null
        members["recording_url"] = self.recordingURL.map(JSONValue.string) ?? .null
        members["owner_id"] = self.ownerID.map(JSONValue.string) ?? .null
        members["related"] = self.relatedRecord.map {
            JSONValue.object(["id": .string($0.id), "kind": .string($0.kind), "name": .string($0.name)])
        } ?? .null
        return .object(members)
    }
}

extension Contact {
    /// The contact as connector files read it, `{{contact.id}}`, `{{contact.name}}`.
    var templateValue: JSONValue {
        .object(["id": .string(self.id.rawValue), "name": .string(self.name), "phone": .string(self.phoneNumbers.first ?? "")])
    }
}

extension PhoneNumber {
    /// The number as connector files read it, `{{phone.…}}`; `formatted` is the format being tried.
    func templateValue(formatted: String) -> JSONValue {
        .object([
            "e164": .string(self.e164), "digits": .string(self.digits), "national": .string(self.nationalNumber),
            "country_code": .string(self.countryCode), "formatted": .string(formatted),
        ])
    }
}
