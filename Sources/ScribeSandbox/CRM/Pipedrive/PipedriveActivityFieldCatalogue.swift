/// The activity fields of a sandbox company, as `GET /api/v2/activityFields` lists them.
///
/// Pipedrive lets an admin add custom fields to deals, persons, organizations, products and projects,
/// but not to activities, so every field here is one of Pipedrive's own (`is_custom_field: false`).
/// The codes are those of the activities API; the types and the priority options are the sandbox's
/// approximation of Pipedrive's.
enum PipedriveActivityFieldCatalogue {
    /// One field: `{field_code, field_name, field_type, is_custom_field, is_optional_response_field, options, subfields}`.
    struct Field: Encodable, Sendable {
        struct Option: Encodable, Sendable {
            var id: Int
            var label: String
        }

        var code: String
        var name: String
        var type: String
        var options: [Option]?

        private enum CodingKeys: String, CodingKey {
            case options, subfields
            case code = "field_code"
            case name = "field_name"
            case type = "field_type"
            case isCustomField = "is_custom_field"
            case isOptionalResponseField = "is_optional_response_field"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(self.code, forKey: .code)
            try container.encode(self.name, forKey: .name)
            try container.encode(self.type, forKey: .type)
            try container.encode(false, forKey: .isCustomField)
            try container.encode(self.code == "attendees", forKey: .isOptionalResponseField)
            try container.encode(self.options, forKey: .options)
            try container.encodeNil(forKey: .subfields)
        }
    }

    static let fields: [Field] = [
        Field(code: "subject", name: "Subject", type: "varchar"),
        Field(code: "type", name: "Type", type: "varchar"),
        Field(code: "owner_id", name: "Assigned to user", type: "user"),
        Field(code: "deal_id", name: "Deal", type: "deal"),
        Field(code: "lead_id", name: "Lead", type: "lead"),
        Field(code: "person_id", name: "Contact person", type: "people"),
        Field(code: "org_id", name: "Organization", type: "org"),
        Field(code: "project_id", name: "Project", type: "project"),
        Field(code: "due_date", name: "Due date", type: "date"),
        Field(code: "due_time", name: "Due time", type: "time"),
        Field(code: "duration", name: "Duration", type: "time"),
        Field(code: "busy", name: "Free/busy", type: "boolean"),
        Field(code: "done", name: "Done", type: "boolean"),
        Field(code: "location", name: "Location", type: "address"),
        Field(code: "note", name: "Note", type: "text"),
        Field(code: "public_description", name: "Description", type: "text"),
        Field(code: "priority", name: "Priority", type: "enum", options: [.init(id: 1, label: "High"), .init(id: 2, label: "Medium"), .init(id: 3, label: "Low")]),
        Field(code: "attendees", name: "Attendees", type: "json"),
        Field(code: "add_time", name: "Add time", type: "date"),
        Field(code: "update_time", name: "Update time", type: "date"),
    ]
}
