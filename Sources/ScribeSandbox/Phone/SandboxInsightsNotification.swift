import Foundation

/// A RingSense "insights ready" delivery as RingCentral sends it: the standard envelope around a
/// full `RecordingInsights` (capitalised insight keys, each an array), derived from the scripted
/// call so a repeat is the same delivery, `uuid` included.
struct SandboxInsightsNotification: Encodable {
    struct Body: Encodable {
        var title: String
        var rsRecordUri: String
        var domain = "pbx"
        var sourceRecordId: String
        /// For pbx, the telephony session id.
        var sourceSessionId: String
        var callDirection: String
        var ownerExtensionId: String
        var recordingDurationMs: Int
        var recordingStartTime: String
        var creationTime: String
        var lastModifiedTime: String
        var speakerInfo: [Speaker]
        var insights: Insights
    }

    struct Speaker: Encodable {
        var speakerId: String
        var name: String
        var accountId: String?
        var extensionId: String?

        // RingSense sends null ids for a speaker outside the account rather than leaving them out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(self.speakerId, forKey: .speakerId)
            try container.encode(self.name, forKey: .name)
            try container.encode(self.accountId, forKey: .accountId)
            try container.encode(self.extensionId, forKey: .extensionId)
        }

        enum CodingKeys: String, CodingKey {
            case speakerId, name, accountId, extensionId
        }
    }

    struct Insights: Encodable {
        var transcript: [Segment]
        var summary: [Timed]
        var bulletedSummary: [Bullet]
        var sentiment: [Value]

        enum CodingKeys: String, CodingKey {
            case transcript = "Transcript"
            case summary = "Summary"
            case bulletedSummary = "BulletedSummary"
            case sentiment = "Sentiment"
        }
    }

    struct Segment: Encodable {
        var speakerId: String
        var text: String
        var start: Double
        var end: Double
    }

    struct Timed: Encodable {
        var value: String
        var start: Double
        var end: Double
    }

    struct Bullet: Encodable {
        var value: String
        var section: String?
    }

    struct Value: Encodable {
        var value: String
    }

    var uuid: String
    var event: String
    var timestamp: String
    var subscriptionId: String
    var ownerId: String
    var body: Body

    /// The insights of a recorded, answered `call`, produced at `producedAt`, for one subscription.
    init(call: ScriptedCall, customerName: String?, accountID: String, subscriptionID: String, baseURL: String, producedAt: Date) {
        let topic = Self.topics[call.number % Self.topics.count]
        let agent = call.employeeName
        let caller = customerName ?? "Caller"
        let agentParty = call.partyID
        // The customer's party in the session: the other end of the agent's party (`…-1`).
        let customerParty = String(call.partyID.dropLast(2)) + "-1"
        let inbound = call.direction == "Inbound"
        let talk = max(call.talkSeconds, 4)
        let lines: [(speaker: String, text: String)] =
            inbound
            ? [
                (agentParty, "Thank you for calling, this is \(agent). How can I help?"),
                (customerParty, "Hi, this is \(caller). I'm calling about \(topic.subject)."),
                (agentParty, "Of course. \(topic.answer)"),
                (customerParty, "Great, thank you."),
            ]
            : [
                (customerParty, "Hello, \(caller) speaking."),
                (agentParty, "Hi, this is \(agent). I'm calling about \(topic.subject)."),
                (customerParty, "Yes, I was expecting your call."),
                (agentParty, "\(topic.answer) I'll follow up by email."),
            ]
        let step = talk / Double(lines.count)
        let segments = lines.enumerated().map { index, line in
            Segment(speakerId: line.speaker, text: line.text, start: Double(index) * step, end: Double(index + 1) * step - 0.2)
        }
        let time = PhoneSandboxPayloads.time(producedAt)
        self.uuid = "\(call.telephonySessionID)-insights-9c2e7d41"
        self.event = "/ai/ringsense/v1/public/accounts/\(accountID)/domains/pbx/insights"
        self.timestamp = time
        self.subscriptionId = subscriptionID
        self.ownerId = accountID
        self.body = Body(
            title: "\(inbound ? "Call from" : "Call to") \(caller) about \(topic.subject)",
            rsRecordUri: "\(baseURL)/ai/ringsense/v1/public/accounts/\(accountID)/domains/pbx/records/\(call.recordingID)/insights",
            sourceRecordId: call.recordingID, sourceSessionId: call.telephonySessionID, callDirection: call.direction,
            ownerExtensionId: call.extensionID, recordingDurationMs: Int((call.talkSeconds * 1000).rounded()),
            recordingStartTime: PhoneSandboxPayloads.time(call.answeredAt ?? call.placedAt), creationTime: time, lastModifiedTime: time,
            speakerInfo: [
                Speaker(speakerId: agentParty, name: agent, accountId: accountID, extensionId: call.extensionID),
                Speaker(speakerId: customerParty, name: caller, accountId: nil, extensionId: nil),
            ],
            insights: Insights(
                transcript: segments,
                summary: [Timed(value: "\(caller) spoke with \(agent) about \(topic.subject). \(topic.outcome)", start: 0, end: talk)],
                bulletedSummary: [
                    Bullet(value: "\(caller) asked about \(topic.subject).", section: "Discussion"),
                    Bullet(value: topic.outcome, section: "Next steps"),
                ],
                sentiment: [Value(value: "Positive")]
            )
        )
    }

    /// What sandbox calls are about, picked by call number.
    static let topics: [(subject: String, answer: String, outcome: String)] = [
        ("renewing the annual plan", "I can send a renewal quote today.", "The agent will send a renewal quote today."),
        ("a late delivery", "I see the order; it ships tomorrow.", "The order ships tomorrow; the customer will be notified."),
        ("adding five more seats", "I'll update the subscription now.", "Five seats were added; an invoice follows."),
        ("a billing question", "The duplicate charge will be refunded.", "A refund of the duplicate charge was promised."),
    ]
}
