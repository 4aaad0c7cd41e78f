import Foundation
import ScribeCore

/// How a call log entry becomes the properties of a HubSpot call engagement.
enum HubSpotCallProperties {
    /// Our marker property: a custom call property the HubSpot app creates at install time.
    static let marker = "callscribe_log_id"

    /// The properties for `entry`, rendering its body with `bodyFormat`.
    static func properties(for entry: CallLogEntry, bodyFormat: BodyFormat) -> [String: String] {
        var properties = HubSpotCallProperties.engineOwned(by: entry)
        properties.merge([
            "hs_timestamp": HubSpotCallProperties.timestamp(entry.startedAt),
            "hs_call_direction": entry.direction == .inbound ? "INBOUND" : "OUTBOUND",
            "hs_call_from_number": entry.fromNumber,
            "hs_call_to_number": entry.toNumber,
            HubSpotCallProperties.marker: entry.marker.rawValue,
        ]) { $1 }
        if let owner = entry.ownerID { properties["hubspot_owner_id"] = owner }
        return properties
    }

    /// The properties an update rewrites: title, body (verbatim), duration, recording link (when there
    /// is one) and status (a record created while the call lasted is completed by an update; the
    /// disposition, a GUID from the portal's list, is added by the connector), and the custom-field values a person chose (HubSpot takes every
    /// property value as text). Never the time, the numbers or the marker.
    static func engineOwned(by entry: CallLogEntry) -> [String: String] {
        var properties = [
            "hs_call_title": entry.subject,
            "hs_call_body": entry.body,
            // Milliseconds: HubSpot's current docs (an older beta took seconds).
            "hs_call_duration": String(Int((max(0, entry.duration) * 1000).rounded())),
            "hs_call_status": entry.inProgress ? "IN_PROGRESS" : HubSpotCallProperties.status(entry.result),
        ]
        if let recordingURL = entry.recordingURL {
            properties["hs_call_recording_url"] = recordingURL
        }
        // Custom fields are never HubSpot's own properties, so no clash is expected; should one
        // happen, the engine's value stands.
        properties.merge(entry.customFields) { own, _ in own }
        return properties
    }

    /// The properties a read-back asks for.
    static let snapshotProperties = ["hs_call_title", "hs_call_body"]

    /// What `call` says now, its values exactly as stored (a missing one reads as empty).
    static func snapshot(of call: HubSpotObject) -> CallRecordSnapshot {
        CallRecordSnapshot(subject: call.storedValue("hs_call_title") ?? "", body: call.storedValue("hs_call_body") ?? "")
    }

    /// ISO 8601 in UTC with milliseconds, e.g. `2025-03-04T09:15:00.250Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// A voicemail is a completed call: the caller reached us and left a message.
    static func status(_ result: CallResult) -> String {
        switch result {
        case .answered, .voicemail: "COMPLETED"
        case .missed: "NO_ANSWER"
        }
    }
}
