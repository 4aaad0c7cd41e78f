import Foundation

/// One of the call outcomes a CRM offers for its call records (HubSpot's dispositions, the values
/// of a Salesforce org's `CallDisposition` picklist).
public struct CallDisposition: Sendable, Hashable, Codable {
    /// What the CRM stores: HubSpot's GUID, or the picklist value itself where the CRM stores text.
    public var id: String
    /// What people see.
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }

    /// The one of `dispositions` that `chosen` names, by id or by label (case-insensitive), if any.
    public static func named(_ chosen: String, in dispositions: [CallDisposition]) -> CallDisposition? {
        let wanted = chosen.trimmingCharacters(in: .whitespacesAndNewlines)
        return dispositions.first { $0.id == wanted }
            ?? dispositions.first { $0.label.compare(wanted, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }
    }

    /// The label CRMs commonly give the outcome that follows from `result` (HubSpot's default
    /// dispositions): what is written when nobody chose one.
    public static func defaultLabel(for result: CallResult) -> String {
        switch result {
        case .answered: "Connected"
        case .missed: "No answer"
        case .voicemail: "Left voicemail"
        }
    }
}
