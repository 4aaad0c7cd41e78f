/// The call properties a sandbox portal has: HubSpot's own (the B1 ones), our marker, which the
/// Callscribe app creates at install time, and the custom properties its admin added, some of which
/// people may fill in and some not (hidden, calculated, read-only, or of a kind the engine skips).
///
/// `GET /crm/v3/properties/calls` lists them all; a call create or update may set only these.
enum HubSpotCallPropertyCatalogue {
    /// HubSpot's call statuses (`hs_call_status`).
    static let statuses = ["BUSY", "CALLING_CRM_USER", "CANCELED", "COMPLETED", "CONNECTING", "FAILED", "IN_PROGRESS", "NO_ANSWER", "QUEUED", "RINGING"]

    /// HubSpot's own call properties. Their types follow HubSpot's where the sandbox relies on them
    /// (status, direction, duration, timestamp); the others are plain text here, unchecked.
    static let hubspotDefined: [HubSpotSandboxProperty] = [
        .hubspot("hs_timestamp", "Activity date", type: "datetime", fieldType: "date"),
        .hubspot("hs_call_title", "Call Title", type: "string", fieldType: "text"),
        .hubspot("hs_call_body", "Call notes", type: "string", fieldType: "html"),
        .hubspot("hs_call_duration", "Call duration", type: "number", fieldType: "number"),
        .hubspot("hs_call_from_number", "From number", type: "string", fieldType: "text"),
        .hubspot("hs_call_to_number", "To number", type: "string", fieldType: "text"),
        .hubspot("hs_call_recording_url", "Recording URL", type: "string", fieldType: "text"),
        .hubspot("hs_call_status", "Call status", type: "enumeration", fieldType: "select", options: HubSpotCallPropertyCatalogue.statuses),
        .hubspot("hs_call_direction", "Call direction", type: "enumeration", fieldType: "select", options: ["INBOUND", "OUTBOUND"]),
        .hubspot("hs_call_disposition", "Call outcome", type: "string", fieldType: "text"),
        .hubspot("hs_call_callee_object_id", "Callee object id", type: "string", fieldType: "text"),
        .hubspot("hs_call_callee_object_type", "Callee object type", type: "string", fieldType: "text"),
        .hubspot("hs_call_callee_object_type_id", "Callee object type id", type: "string", fieldType: "text"),
        .hubspot("hubspot_owner_id", "Activity assigned to", type: "string", fieldType: "text"),
        .hubspot("hs_call_source", "Call source", type: "string", fieldType: "text"),
        .hubspot("hs_activity_type", "Call and meeting type", type: "string", fieldType: "text"),
        .hubspot("hs_attachment_ids", "Attached file IDs", type: "string", fieldType: "text"),
        .hubspot("hs_object_id", "Record ID", type: "number", fieldType: "number", readOnly: true),
        .hubspot("hs_createdate", "Create date", type: "datetime", fieldType: "date", readOnly: true),
        .hubspot("hs_lastmodifieddate", "Last modified date", type: "datetime", fieldType: "date", readOnly: true),
    ]

    /// Properties an account added: four people may fill in (text, long text, number, single choice
    /// with a hidden retired option), our marker, and six they may not.
    static let custom: [HubSpotSandboxProperty] = [
        .custom("callscribe_log_id", "Callscribe log id", type: "string", fieldType: "text"),
        .custom("call_topic", "Call topic", type: "string", fieldType: "text"),
        .custom("follow_up_notes", "Follow-up notes", type: "string", fieldType: "textarea"),
        .custom("satisfaction_score", "Satisfaction score", type: "number", fieldType: "number"),
        .custom(
            "call_reason", "Call reason", type: "enumeration", fieldType: "select",
            options: [
                .init(label: "Pricing question", value: "pricing", displayOrder: 0),
                .init(label: "Support request", value: "support", displayOrder: 1),
                .init(label: "Renewal", value: "renewal", displayOrder: 2),
                .init(label: "Legacy plan", value: "legacy", displayOrder: 3, hidden: true),
            ]
        ),
        .custom("internal_review_notes", "Internal review notes", type: "string", fieldType: "text", hidden: true),
        .custom("call_quality_index", "Call quality index", type: "number", fieldType: "calculation_equation", calculated: true),
        .custom("erp_sync_status", "ERP sync status", type: "string", fieldType: "text", readOnly: true),
        .custom("callback_date", "Callback date", type: "date", fieldType: "date"),
        .custom(
            "wants_callback", "Wants a callback", type: "bool", fieldType: "booleancheckbox",
            options: [.init(label: "Yes", value: "true", displayOrder: 0), .init(label: "No", value: "false", displayOrder: 1)]
        ),
        .custom(
            "call_tags", "Call tags", type: "enumeration", fieldType: "checkbox",
            options: [.init(label: "Upsell", value: "upsell", displayOrder: 0), .init(label: "Complaint", value: "complaint", displayOrder: 1)]
        ),
    ]

    /// Every call property, as `GET /crm/v3/properties/calls` lists them.
    static let all = hubspotDefined + custom

    /// Every call property by name.
    static let byName: [String: HubSpotSandboxProperty] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}
