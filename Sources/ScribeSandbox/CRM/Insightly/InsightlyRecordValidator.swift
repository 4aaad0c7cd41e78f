import Foundation
import ScribeCore

/// Checks write bodies as Insightly does: the object's own UPPER_SNAKE fields only (read-only ones
/// such as `DATE_CREATED_UTC` are accepted and ignored, since a PUT sends back what a GET returned),
/// required fields present, values of the right kind; the first problem becomes a 400 naming the field.
enum InsightlyRecordValidator {
    static let eventFields: Set<String> = [
        "EVENT_ID", "TITLE", "LOCATION", "START_DATE_UTC", "END_DATE_UTC", "ALL_DAY", "DETAILS", "REMINDER_DATE_UTC", "REMINDER_SENT",
        "OWNER_USER_ID", "DATE_CREATED_UTC", "DATE_UPDATED_UTC", "CUSTOMFIELDS", "LINKS",
    ]
    static let contactFields: Set<String> = [
        "CONTACT_ID", "SALUTATION", "FIRST_NAME", "LAST_NAME", "TITLE", "EMAIL_ADDRESS", "PHONE", "PHONE_MOBILE", "PHONE_HOME", "PHONE_OTHER",
        "ORGANISATION_ID", "OWNER_USER_ID", "CUSTOMFIELDS", "TAGS", "LINKS", "DATE_CREATED_UTC", "DATE_UPDATED_UTC",
    ]
    static let leadFields: Set<String> = [
        "LEAD_ID", "SALUTATION", "FIRST_NAME", "LAST_NAME", "TITLE", "EMAIL", "PHONE", "MOBILE", "ORGANISATION_NAME", "LEAD_STATUS_ID",
        "OWNER_USER_ID", "CUSTOMFIELDS", "TAGS", "LINKS", "DATE_CREATED_UTC", "DATE_UPDATED_UTC",
    ]
    /// What `LINK_OBJECT_NAME` may name (any case).
    static let linkTargets: Set<String> = ["contact", "lead", "organisation", "opportunity", "project"]

    static func object(_ body: Data) throws(InsightlySandboxError) -> [String: JSONValue] {
        guard let object = JSONValue.decodeObject(body) else { throw .badRequest("The request body is not a valid JSON object.") }
        return object
    }

    static func onlyKnown(_ object: [String: JSONValue], _ allowed: Set<String>) throws(InsightlySandboxError) {
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .validation(unknown, "is not a valid field")
        }
    }

    /// An optional string field: absent or `null` is nil.
    static func text(_ object: [String: JSONValue], _ field: String) throws(InsightlySandboxError) -> String? {
        guard let value = object[field], !value.isNull else { return nil }
        guard let text = value.string else { throw .validation(field, "must be a string") }
        return text
    }

    /// A required, non-blank string field.
    static func required(_ object: [String: JSONValue], _ field: String) throws(InsightlySandboxError) -> String {
        guard let text = try text(object, field), !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw .validation(field, "is required") }
        return text
    }

    /// A required date field, as `yyyy-MM-dd HH:mm:ss` UTC.
    static func date(_ object: [String: JSONValue], _ field: String) throws(InsightlySandboxError) -> String {
        let text = try required(object, field)
        guard let date = InsightlySandbox.parseDate(text) else { throw .validation(field, "is not a valid date") }
        return InsightlySandbox.timestamp(date)
    }
}
