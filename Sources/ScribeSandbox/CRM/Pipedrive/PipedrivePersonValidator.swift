import Foundation
import ScribeCore

/// Checks an `AddPersonRequest` the way Pipedrive API v2 does before storing it.
enum PipedrivePersonValidator {
    /// The fields `POST /api/v2/persons` accepts.
    static let writableFields: Set<String> = [
        "name", "owner_id", "org_id", "add_time", "update_time", "emails", "phones", "visible_to", "label_ids",
        "marketing_status", "custom_fields",
    ]
    static let phoneLabels: Set<String> = ["work", "home", "mobile", "other"]

    /// The fields of a create the sandbox keeps, checked.
    struct Checked {
        var name: String
        var phones: [PipedriveSandboxPerson.Phone]
        var orgID: Int?
    }

    static func validated(_ body: [String: PipedriveJSONValue]) throws(PipedriveSandboxError) -> Checked {
        let fields = PipedriveRequestFields(body: body)
        try fields.refuseUnknown(writableFields)
        // The v2 schema leaves `name` optional, but Pipedrive keeps no person without one (v1 and the
        // web app require it): the sandbox refuses a missing or blank name as a schema failure.
        guard let name = try fields.string("name") else { throw .validation("name", "is required") }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .validation("name", "is required") }

        var phones: [PipedriveSandboxPerson.Phone] = []
        if let value = body["phones"], value != .null {
            guard case .array(let list) = value else { throw .validation("phones", "must be array") }
            for entry in list {
                guard case .object(let phone) = entry, let number = phone["value"]?.string else {
                    throw .validation("phones", "each phone needs a string value")
                }
                let label = phone["label"]?.string ?? "work"
                guard phoneLabels.contains(label) else { throw .validation("phones", "label must be one of home, mobile, other, work") }
                phones.append(.init(value: number, primary: phone["primary"]?.bool ?? false, label: label))
            }
            guard phones.filter(\.primary).count <= 1 else { throw .validation("phones", "only one phone can be primary") }
            // Without a primary phone, the first one is.
            if !phones.isEmpty, !phones.contains(where: \.primary) { phones[0].primary = true }
        }

        return Checked(name: trimmed, phones: phones, orgID: try fields.integer("org_id"))
    }
}
