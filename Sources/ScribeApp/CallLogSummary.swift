import Foundation
import ScribeCore

/// A call log as people see it in the CLI, the API and the web page: what happened and why.
public struct CallLogSummary: Codable, Sendable, Hashable {
    public var id: String
    public var sessionId: String
    public var extensionId: String
    public var direction: String
    public var from: String
    public var to: String
    public var contact: String?
    public var startedAt: Date
    public var durationSeconds: Int
    /// The call is still going (its log was claimed when it was answered).
    public var inProgress: Bool
    public var result: String
    public var state: String
    public var explanation: String
    public var crmRecordId: String?
    public var attempts: Int
    public var note: String?
    /// Each artifact's state by name, e.g. `{"basics": "written", "recording": "absent"}`.
    public var artifacts: [String: String]

    public init(_ log: CallLog) {
        self.id = log.id.rawValue
        self.sessionId = log.key.sessionID.rawValue
        self.extensionId = log.key.extensionID.rawValue
        self.direction = log.leg.direction.rawValue
        self.from = log.leg.from.phoneNumber ?? ""
        self.to = log.leg.to.phoneNumber ?? ""
        self.contact = log.contact?.name
        self.startedAt = log.leg.startedAt
        self.durationSeconds = Int(log.leg.duration.rounded())
        self.inProgress = log.leg.inProgress
        self.result = log.leg.result.rawValue
        self.state = log.state.name
        self.explanation = log.state.explanation
        self.crmRecordId = log.crmRecordID?.rawValue
        self.attempts = log.attempts
        self.note = log.note
        self.artifacts = Dictionary(uniqueKeysWithValues: Artifact.allCases.map { ($0.rawValue, log.artifacts[$0].name) })
    }

    /// The other party's number.
    public var counterpart: String { self.direction == CallDirection.inbound.rawValue ? self.from : self.to }

    /// The JSON encoder used for summaries everywhere (ISO 8601 dates, stable key order).
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return encoder
    }
}
