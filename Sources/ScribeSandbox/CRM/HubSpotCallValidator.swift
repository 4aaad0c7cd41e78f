/// Checks call properties the way HubSpot does before it stores them.
enum HubSpotCallValidator {
    /// The call properties a portal has (B1), plus our own marker property, which the Callscribe app
    /// creates at install time.
    static let knownProperties: Set<String> = [
        "hs_timestamp", "hs_call_title", "hs_call_body", "hs_call_duration", "hs_call_from_number", "hs_call_to_number",
        "hs_call_recording_url", "hs_call_status", "hs_call_direction", "hs_call_disposition", "hs_call_callee_object_id",
        "hs_call_callee_object_type", "hs_call_callee_object_type_id", "hubspot_owner_id", "hs_call_source",
        "hs_activity_type", "hs_attachment_ids", "callscribe_log_id",
    ]

    /// Maintained by HubSpot: accepted in a request but never stored from it.
    static let readOnlyProperties: Set<String> = ["hs_object_id", "hs_createdate", "hs_lastmodifieddate"]

    static let statuses: Set<String> = [
        "BUSY", "CALLING_CRM_USER", "CANCELED", "COMPLETED", "CONNECTING", "FAILED", "IN_PROGRESS", "NO_ANSWER", "QUEUED", "RINGING",
    ]
    static let directions: Set<String> = ["INBOUND", "OUTBOUND"]

    /// The properties to store, or HubSpot's 400 listing every problem.
    ///
    /// - Parameter isCreate: a create must carry `hs_timestamp`; an update need not.
    static func validated(_ properties: [String: String], isCreate: Bool) throws(HubSpotSandboxError) -> [String: String] {
        typealias Problem = HubSpotSandboxError.PropertyProblem
        var problems = Problem.unknown(properties.keys, known: knownProperties.union(readOnlyProperties))
        if isCreate, (properties["hs_timestamp"] ?? "").isEmpty {
            problems.append(Problem(name: "hs_timestamp", error: "REQUIRED_PROPERTY", message: "Property \"hs_timestamp\" is required"))
        }
        if let timestamp = properties["hs_timestamp"], !timestamp.isEmpty, HubSpotSandboxDate.parse(timestamp) == nil {
            problems.append(Problem(name: "hs_timestamp", error: "INVALID_DATE", message: "\(timestamp) is not a valid date"))
        }
        if let duration = properties["hs_call_duration"], !duration.isEmpty, Int64(duration) == nil {
            problems.append(Problem(name: "hs_call_duration", error: "INVALID_INTEGER", message: "\(duration) is not a valid integer"))
        }
        for (name, options) in [("hs_call_status", statuses), ("hs_call_direction", directions)] {
            if let value = properties[name], !value.isEmpty, !options.contains(value) {
                let allowed = options.sorted().joined(separator: ", ")
                problems.append(Problem(name: name, error: "INVALID_OPTION", message: "\(value) was not one of the allowed options: [\(allowed)]"))
            }
        }
        guard problems.isEmpty else { throw .invalidProperties(problems) }
        return properties.filter { !readOnlyProperties.contains($0.key) }
    }
}
