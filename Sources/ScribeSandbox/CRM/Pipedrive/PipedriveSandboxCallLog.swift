import Foundation

/// A call log as the sandbox stored it (`AddCallLogRequest` plus the id Pipedrive gives it).
public struct PipedriveSandboxCallLog: Sendable, Hashable, Codable {
    /// A string, unlike Pipedrive's other ids.
    public var id: String
    /// The activity that became this call log, or the one made for it.
    public var activityID: Int
    public var userID: Int
    /// `connected`, `no_answer`, `left_message`, `left_voicemail`, `wrong_number` or `busy`.
    public var outcome: String
    public var fromPhoneNumber: String?
    public var toPhoneNumber: String
    /// `YYYY-MM-DD HH:MM:SS`, UTC, as sent.
    public var startTime: String
    public var endTime: String
    /// Seconds, as text.
    public var duration: String?
    public var subject: String?
    public var note: String?
    public var personID: Int?
    public var orgID: Int?
    public var dealID: Int?
    /// The top-level keys of the create request, sorted.
    public var sentFields: [String]
    /// An audio recording is attached (deleting the call log deletes it too).
    public var hasRecording = false
}

/// A call log as `/v1/callLogs` renders one (`ResponseCallLogObject`).
struct PipedriveCallLogJSON: Encodable {
    var callLog: PipedriveSandboxCallLog
    var companyID: Int

    private enum CodingKeys: String, CodingKey {
        case id, outcome, duration, subject, note
        case userID = "user_id"
        case activityID = "activity_id"
        case fromPhoneNumber = "from_phone_number"
        case toPhoneNumber = "to_phone_number"
        case startTime = "start_time"
        case endTime = "end_time"
        case personID = "person_id"
        case orgID = "org_id"
        case dealID = "deal_id"
        case leadID = "lead_id"
        case hasRecording = "has_recording"
        case companyID = "company_id"
    }

    func encode(to encoder: any Encoder) throws {
        let log = self.callLog
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(log.id, forKey: .id)
        try container.encode(log.userID, forKey: .userID)
        try container.encode(log.activityID, forKey: .activityID)
        try container.encode(log.subject, forKey: .subject)
        try container.encode(log.duration, forKey: .duration)
        try container.encode(log.outcome, forKey: .outcome)
        try container.encode(log.fromPhoneNumber, forKey: .fromPhoneNumber)
        try container.encode(log.toPhoneNumber, forKey: .toPhoneNumber)
        try container.encode(log.startTime, forKey: .startTime)
        try container.encode(log.endTime, forKey: .endTime)
        try container.encode(log.personID, forKey: .personID)
        try container.encode(log.orgID, forKey: .orgID)
        try container.encode(log.dealID, forKey: .dealID)
        try container.encodeNil(forKey: .leadID)
        try container.encode(log.note, forKey: .note)
        try container.encode(log.hasRecording, forKey: .hasRecording)
        try container.encode(self.companyID, forKey: .companyID)
    }
}
