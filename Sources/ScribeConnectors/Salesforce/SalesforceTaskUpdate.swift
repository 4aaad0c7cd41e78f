import Foundation
import ScribeCore

/// The body of `PATCH /services/data/vNN.0/sobjects/Task/{id}`: the parts of a call Task the engine
/// owns. `WhoId`, `ActivityDate` and `CallObject` (the marker) are not sent, so they stay as they are;
/// a Task has no standard field for a recording link.
struct SalesforceTaskUpdate: Encodable, Sendable, Hashable {
    var subject: String
    var description: String
    /// `In Progress` while the call lasts (a record created when it connected), then `Completed`.
    var status: String
    /// Left out (nil) when the write does not set the disposition, so that one a person set stays.
    var callDisposition: String?
    var callDurationInSeconds: Int

    private enum CodingKeys: String, CodingKey {
        case subject = "Subject"
        case description = "Description"
        case status = "Status"
        case callDisposition = "CallDisposition"
        case callDurationInSeconds = "CallDurationInSeconds"
    }

    /// The fields for `entry`: subject and body verbatim, cut to their field maximums.
    init(entry: CallLogEntry) {
        self.subject = String(entry.subject.prefix(SalesforceTaskFields.maxSubject))
        self.description = String(entry.body.prefix(SalesforceTaskFields.maxDescription))
        self.status = entry.inProgress ? "In Progress" : "Completed"
        self.callDisposition = entry.writesDisposition ? SalesforceTaskUpdate.disposition(of: entry) : nil
        self.callDurationInSeconds = Int(max(0, entry.duration).rounded())
    }
}

extension SalesforceTaskUpdate {
    /// `CallDisposition` ("Call Result") is free text of up to 255 characters: the one a person chose,
    /// else the call's result (`Answered`, `Missed`, `Voicemail`).
    static func disposition(of entry: CallLogEntry) -> String {
        let chosen = entry.disposition?.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = chosen.flatMap { $0.isEmpty ? nil : $0 } ?? entry.result.rawValue
        return String(text.prefix(SalesforceTaskFields.maxCallDisposition))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.subject, forKey: .subject)
        try container.encode(self.description, forKey: .description)
        try container.encode(self.status, forKey: .status)
        try container.encodeIfPresent(self.callDisposition, forKey: .callDisposition)
        try container.encode(self.callDurationInSeconds, forKey: .callDurationInSeconds)
    }
}

/// The answer to `GET …/sobjects/Task/{id}?fields=Subject,Description`.
struct SalesforceTaskSnapshot: Decodable, Sendable {
    var subject: String?
    var description: String?

    private enum CodingKeys: String, CodingKey {
        case subject = "Subject"
        case description = "Description"
    }

    /// The fields a read-back asks for.
    static let fields = ["Subject", "Description"]
}
