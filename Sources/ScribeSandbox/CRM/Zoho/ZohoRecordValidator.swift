import ScribeCore
import Foundation

/// Checks one element of a write's `data` array the way Zoho CRM does for the module's fields
/// (B4 of the API facts; Calls field API names [O], picklist values and mandatory set [U]).
///
/// Values of a wrong type, unknown picklist values, malformed times and durations, and lookups to
/// records that do not exist are `INVALID_DATA` naming the field in `details.api_name`; a mandatory
/// field missing on insert is `MANDATORY_NOT_FOUND`. Field names Zoho does not know, and read-only
/// system fields, are ignored rather than refused, as Zoho ignores them [U].
enum ZohoRecordValidator {
    enum Kind {
        case text(maxLength: Int)
        case picklist([String])
        case dateTime
        case duration
        case person
        case parent
        case owner
        case boolean
        case lookupName
    }

    static let fields: [String: [String: Kind]] = [
        "Calls": [
            "Subject": .text(maxLength: 255), "Call_Type": .picklist(["Outbound", "Inbound", "Missed"]),
            "Call_Start_Time": .dateTime, "Call_Duration": .duration, "Call_Purpose": .picklist(["Prospecting", "Administrative", "Negotiation", "Demo", "Project", "Desk"]),
            "Call_Agenda": .text(maxLength: 2000), "Call_Result": .picklist(ZohoRecordValidator.callResults), "Description": .text(maxLength: 32_000),
            "Who_Id": .person, "What_Id": .parent, "Owner": .owner,
            "Outgoing_Call_Status": .picklist(["Scheduled", "Completed", "Overdue", "Cancelled"]),
            "Caller_ID": .text(maxLength: 30), "Dialled_Number": .text(maxLength: 30), "Voice_Recording__s": .text(maxLength: 2000),
            "Reminder": .text(maxLength: 50), "Billable": .boolean,
        ],
        "Contacts": [
            "First_Name": .text(maxLength: 40), "Last_Name": .text(maxLength: 80), "Email": .text(maxLength: 100),
            "Phone": .text(maxLength: 30), "Mobile": .text(maxLength: 30), "Home_Phone": .text(maxLength: 30), "Other_Phone": .text(maxLength: 30),
            "Description": .text(maxLength: 32_000), "Account_Name": .lookupName, "Owner": .owner,
        ],
        "Leads": [
            "First_Name": .text(maxLength: 40), "Last_Name": .text(maxLength: 80), "Company": .text(maxLength: 200), "Email": .text(maxLength: 100),
            "Phone": .text(maxLength: 30), "Mobile": .text(maxLength: 30), "Description": .text(maxLength: 32_000),
            "Lead_Status": .picklist(["Not Contacted", "Attempted to Contact", "Contact in Future", "Contacted", "Junk Lead", "Lost Lead", "Pre-Qualified"]),
            "Owner": .owner,
        ],
    ]

    /// The stock values of the Calls module's `Call_Result` picklist ("Call Result") [O: a Zoho org's
    /// field metadata as integrations list it; "-None-" is the empty choice, sent as null].
    static let callResults = ["Interested", "Not interested", "No response/Busy", "Requested more info", "Requested call back", "Invalid number"]

    /// Fields an insert must carry, in the order Zoho reports the first missing one.
    static let mandatory: [String: [String]] = [
        "Calls": ["Subject", "Call_Type", "Call_Start_Time"],
        "Contacts": ["Last_Name"],
        "Leads": ["Last_Name", "Company"],
    ]

    /// The fields to store for `input` (element `index` of `data`), or the outcome line refusing it.
    /// `existing` is the record an update starts from (`nil` on insert).
    static func validate(module: String, input: [String: JSONValue], index: Int, existing: ZohoSandboxRecord?, state: ZohoSandboxState) -> Result<[String: JSONValue], ZohoSandboxRecordFailure> {
        guard let kinds = ZohoRecordValidator.fields[module] else { return .failure(.init(outcome: .invalidData(field: "id", index: index))) }
        var merged = existing?.fields ?? [:]
        for (name, value) in input.sorted(by: { $0.key < $1.key }) {
            guard let kind = kinds[name] else { continue }
            switch ZohoRecordValidator.check(kind, value, name: name, input: input, state: state) {
            case .success(let stored): merged[name] = stored
            case .failure(let refusal): return .failure(.init(outcome: .invalidData(field: name, index: index, message: refusal.message)))
            }
        }
        for name in ZohoRecordValidator.mandatory[module] ?? [] where merged[name] == nil || merged[name] == .null || merged[name] == .string("") {
            return .failure(.init(outcome: .mandatoryNotFound(field: name, index: index)))
        }
        // A logged (not scheduled) call needs its length. [U]
        if module == "Calls", merged["Outgoing_Call_Status"]?.string != "Scheduled", merged["Call_Duration"] == nil || merged["Call_Duration"] == .null {
            return .failure(.init(outcome: .mandatoryNotFound(field: "Call_Duration", index: index)))
        }
        if module == "Calls", let duration = merged["Call_Duration"]?.string, let seconds = ZohoRecordValidator.seconds(duration) {
            merged["Call_Duration_in_seconds"] = .int(seconds)
        }
        if module != "Calls" {
            let full = [merged["First_Name"]?.string, merged["Last_Name"]?.string].compactMap { $0 }.joined(separator: " ")
            merged["Full_Name"] = .string(full)
        }
        if input["$se_module"] != nil, merged["What_Id"] != nil { merged["$se_module"] = input["$se_module"] }
        return .success(merged)
    }

    /// `mm:ss` (minutes may pass 59) as seconds.
    static func seconds(_ duration: String) -> Int? {
        let parts = duration.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let minutes = Int(parts[0]), let seconds = Int(parts[1]), minutes >= 0, (0..<60).contains(seconds) else { return nil }
        return minutes * 60 + seconds
    }

    private static func check(_ kind: Kind, _ value: JSONValue, name: String, input: [String: JSONValue], state: ZohoSandboxState) -> Result<JSONValue, ZohoFieldRefusal> {
        if value == .null { return .success(.null) }
        switch kind {
        case .text(let maxLength):
            guard let text = value.string else { return .failure(.init(message: "invalid data")) }
            return text.count <= maxLength ? .success(value) : .failure(.init(message: "invalid data"))
        case .picklist(let options):
            guard let text = value.string, options.contains(text) else { return .failure(.init(message: "invalid data")) }
            return .success(value)
        case .dateTime:
            guard let text = value.string, ZohoRecordValidator.isDateTime(text) else { return .failure(.init(message: "invalid data")) }
            return .success(value)
        case .duration:
            guard let text = value.string, ZohoRecordValidator.seconds(text) != nil else { return .failure(.init(message: "invalid data")) }
            return .success(value)
        case .boolean:
            return value.bool == nil ? .failure(.init(message: "invalid data")) : .success(value)
        case .lookupName:
            guard let object = value.object, object["name"]?.string != nil || object["id"]?.string != nil else { return .failure(.init(message: "invalid data")) }
            return .success(value)
        case .owner:
            guard let id = value.object?["id"]?.string else { return .failure(.init(message: "invalid data")) }
            return id == ZohoSandboxSeed.owner.object?["id"]?.string ? .success(ZohoSandboxSeed.owner) : .failure(.init(message: "the id given seems to be invalid"))
        case .person:
            guard let id = value.object?["id"]?.string else { return .failure(.init(message: "invalid data")) }
            guard let person = state.person(id) else { return .failure(.init(message: "the related id given seems to be invalid")) }
            return .success(.object(["id": .string(id), "name": person.fields["Full_Name"] ?? .null]))
        case .parent:
            guard let id = value.object?["id"]?.string else { return .failure(.init(message: "invalid data")) }
            guard input["$se_module"]?.string == "Deals", let deal = state.record("Deals", id) else { return .failure(.init(message: "the related id given seems to be invalid")) }
            return .success(.object(["id": .string(id), "name": deal.fields["Deal_Name"] ?? .null]))
        }
    }

    /// `2024-05-01T10:00:00+05:30`: ISO 8601 to the second with a numeric offset (Zoho refuses `Z` [U]).
    static func isDateTime(_ text: String) -> Bool {
        let pattern = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"#
        return text.range(of: pattern, options: .regularExpression) != nil
    }
}

/// A record Zoho refused, as its outcome line.
struct ZohoSandboxRecordFailure: Error {
    var outcome: ZohoRecordOutcome
}

/// Why one field's value was refused: the message of its `INVALID_DATA` line.
struct ZohoFieldRefusal: Error {
    var message: String
}
