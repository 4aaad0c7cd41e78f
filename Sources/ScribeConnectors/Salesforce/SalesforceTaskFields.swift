import Foundation
import ScribeCore

/// The body of `POST /services/data/vNN.0/sobjects/Task`: a completed call activity on a contact or lead.
struct SalesforceTaskFields: Encodable, Sendable, Hashable {
    var subject: String
    var whoID: String
    var activityDate: String
    var status: String
    var taskSubtype: String
    var callType: String
    var callDurationInSeconds: Int
    var callDisposition: String
    var description: String
    var callObject: String
    /// The Salesforce user the Task is assigned to (`OwnerId`); left out, it is the API user.
    var ownerID: String?
    /// The opportunity the Task relates to (`WhatId`); left out when none was chosen.
    var whatID: String?

    private enum CodingKeys: String, CodingKey {
        case whatID = "WhatId"
        case subject = "Subject"
        case whoID = "WhoId"
        case activityDate = "ActivityDate"
        case status = "Status"
        case taskSubtype = "TaskSubtype"
        case callType = "CallType"
        case callDurationInSeconds = "CallDurationInSeconds"
        case callDisposition = "CallDisposition"
        case description = "Description"
        case callObject = "CallObject"
        case ownerID = "OwnerId"
    }

    /// Field limits from the Task object reference.
    static let maxSubject = 255
    static let maxCallDisposition = 255
    static let maxDescription = 32_000

    /// The Task for `entry`, with the body rendered as `bodyFormat` and the activity date taken in `timeZone`.
    init(entry: CallLogEntry, bodyFormat: BodyFormat, timeZone: TimeZone) {
        let owned = SalesforceTaskUpdate(entry: entry)
        self.subject = owned.subject
        self.whoID = entry.contact.id.rawValue
        self.activityDate = SalesforceTaskFields.date(entry.startedAt, timeZone: timeZone)
        self.status = owned.status
        self.taskSubtype = "Call"
        self.callType = entry.direction == .inbound ? "Inbound" : "Outbound"
        self.callDurationInSeconds = owned.callDurationInSeconds
        self.callDisposition = SalesforceTaskUpdate.disposition(of: entry)
        self.description = owned.description
        self.callObject = entry.marker.rawValue
        self.ownerID = entry.ownerID
        self.whatID = entry.relatedRecord?.id
    }

    /// `yyyy-MM-dd` in `timeZone`.
    static func date(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
