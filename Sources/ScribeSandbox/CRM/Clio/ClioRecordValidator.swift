import Foundation
import ScribeCore

/// Checks `{"data":{…}}` write bodies as Clio does: only the record's own fields, required ones
/// present, values of the right kind; the first problem becomes a 422 naming the field.
enum ClioRecordValidator {
    static let communicationFields: Set<String> = ["type", "subject", "body", "received_at", "date", "senders", "receivers", "matter", "notification_event_subscribers", "external_properties"]
    static let communicationTypes: Set<String> = ["PhoneCommunication", "EmailCommunication"]
    static let contactFields: Set<String> = ["type", "name", "first_name", "last_name", "prefix", "title", "phone_numbers", "email_addresses"]
    static let phoneNames: Set<String> = ["Work", "Home", "Mobile", "Fax", "Pager", "Skype", "Other"]

    /// The `data` object of `body`, or 400 when the body is not JSON or lacks it.
    static func data(_ body: Data) throws(ClioSandboxError) -> [String: JSONValue] {
        guard let object = JSONValue.decodeObject(body) else { throw .badRequest("The request body is not valid JSON") }
        guard let data = object["data"]?.object else { throw .badRequest("param is missing or the value is empty: data") }
        return data
    }

    /// Refuses the first field not in `allowed`.
    static func onlyKnown(_ data: [String: JSONValue], _ allowed: Set<String>) throws(ClioSandboxError) {
        if let unknown = data.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .validation(unknown, "is not a valid field")
        }
    }

    /// `received_at` as Clio accepts it: ISO 8601 with a zone, fractions allowed.
    static func timestamp(_ value: JSONValue, field: String) throws(ClioSandboxError) -> String {
        guard let text = value.string,
            (try? Date(text, strategy: Date.ISO8601FormatStyle())) != nil
                || (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))) != nil
        else { throw .validation(field, "must be an ISO-8601 timestamp") }
        return text
    }

    /// `senders`/`receivers`: `[{id, type: User|Contact}]`, each naming a user or contact that exists.
    static func parties(_ value: JSONValue, field: String, state: ClioSandboxState) throws(ClioSandboxError) -> [ClioSandboxCommunication.Party] {
        guard let items = value.array else { throw .validation(field, "must be an array") }
        var parties: [ClioSandboxCommunication.Party] = []
        for item in items {
            guard let object = item.object, let id = object["id"]?.integer, let type = object["type"]?.string else {
                throw .validation(field, "entries need an id and a type")
            }
            switch type {
            case "User" where id == ClioSandboxSeed.userID: break
            case "Contact" where state.contact(id) != nil: break
            case "User", "Contact": throw .validation(field, "refers to a \(type) that does not exist (\(id))")
            default: throw .validation(field, "type must be User or Contact")
            }
            parties.append(.init(id: id, type: type))
        }
        return parties
    }

    /// `matter: {id}` naming a matter that exists, or `null` to detach.
    static func matter(_ value: JSONValue, state: ClioSandboxState) throws(ClioSandboxError) -> Int? {
        if value.isNull { return nil }
        guard let id = value.object?["id"]?.integer else { throw .validation("matter", "must be an object with an id") }
        guard state.matter(id) != nil else { throw .validation("matter", "refers to a Matter that does not exist (\(id))") }
        return id
    }

    /// A non-blank string, or 422 naming `field`.
    static func text(_ value: JSONValue, field: String, required: Bool) throws(ClioSandboxError) -> String {
        guard let text = value.string else { throw .validation(field, "must be a string") }
        if required, text.trimmingCharacters(in: .whitespaces).isEmpty { throw .validation(field, "can't be blank") }
        return text
    }
}
