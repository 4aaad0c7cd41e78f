import Foundation
import ScribeCore
import ScribeTelephony
import Testing

@Suite("InsightsEventParser and the delivery router")
struct InsightsEventParserTests {
    let parser = WebhookDeliveryParser()

    func insights(_ object: [String: Any]) throws -> InsightsEvent {
        guard case .insights(let event) = try self.parser.parse(Payloads.data(object)) else {
            Issue.record("not read as insights")
            throw CancellationError()
        }
        return event
    }

    @Test("reads a RingSense event: the telephony session, the recording, the summary and a speaker-named transcript in time order")
    func fullSample() throws {
        let delivery = try self.parser.parse(Data(InsightsPayloads.ready.utf8))
        guard case .insights(let event) = delivery else {
            Issue.record("expected insights, got \(delivery)")
            return
        }
        #expect(event.id == "2f4c6a1e-8b0d-4e3f-9a7c-5d1b2e3f4a50")
        #expect(delivery.eventID == event.id)
        // For pbx, sourceSessionId is the telephony session id the call's events carry.
        #expect(event.sessionID == "s-a0d7e2a3b5c1e9f0z18b39d1f2a54")
        #expect(delivery.sessionID == event.sessionID)
        #expect(event.recordingID == "3045617016")
        #expect(event.insights.summary == "Jane Doe asked for a renewal quote; Alice will send it today.")
        #expect(
            event.insights.transcript == """
                Alice Agent: Thanks for calling, this is Alice.
                Jane Doe: Hi, I'd like a quote for the renewal.
                Alice Agent: Sure, I'll send it today. Anything else?
                Speaker p-9: (inaudible)
                """
        )
        #expect(event.insights.eventID == event.id)
        #expect(event.insights.producedAt == Date(timeIntervalSince1970: 1_795_256_498.5), "lastModifiedTime, 2026-11-21T10:21:38.500Z")
    }

    @Test("telephony-session deliveries are still read as telephony events")
    func telephonyStillRouted() throws {
        guard case .telephony(let event) = try self.parser.parse(Data(Payloads.answeredNotification.utf8)) else {
            Issue.record("expected a telephony event")
            return
        }
        #expect(event.sessionID == "s-a0d7e2a3b5c1e9f0z18b39d1f2a54")
    }

    @Test("without an event filter, a body naming sourceSessionId is read as insights")
    func routedByBodyShape() throws {
        var object = try InsightsPayloads.readyObject()
        object["event"] = nil
        #expect(try self.insights(object).sessionID == "s-a0d7e2a3b5c1e9f0z18b39d1f2a54")
    }

    @Test("without a Summary the bullets are the summary, under their section headings")
    func bulletedSummary() throws {
        let object = try InsightsPayloads.withInsights(try InsightsPayloads.readyObject()) { insights in
            insights["Summary"] = nil
            insights["BulletedSummary"] = [
                ["value": "Renewal quote requested", "section": "Discussion"], ["value": "Budget approved", "section": "Discussion"],
                ["value": "Send the quote today", "section": "Next steps"],
            ]
        }
        #expect(try self.insights(object).insights.summary == "Discussion:\n- Renewal quote requested\n- Budget approved\nNext steps:\n- Send the quote today")
    }

    @Test("AI Notes' first event with only call notes and no transcript is still usable")
    func aiNotesOnly() throws {
        let object = try InsightsPayloads.withInsights(try InsightsPayloads.readyObject()) { insights in
            insights = ["CallNotes": [["value": "Renewal quote\nSend today"]]]
        }
        let event = try self.insights(object)
        #expect(event.insights.summary == "Renewal quote\nSend today")
        #expect(event.insights.transcript == nil)
    }

    /// A required field taken out of the sample, and the field the error must name.
    enum Removal: String, CaseIterable, CustomStringConvertible {
        case uuid, body, sourceSessionId, insights, summaryValue, transcriptText

        var field: String {
            switch self {
            case .uuid: "uuid"
            case .body: "body"
            case .sourceSessionId: "body.sourceSessionId"
            case .insights: "body.insights"
            case .summaryValue: "body.insights.Summary[0].value"
            case .transcriptText: "body.insights.Transcript[2].text"
            }
        }

        var description: String { self.field }

        func apply(to object: inout [String: Any]) throws {
            switch self {
            case .uuid, .body:
                object[self.rawValue] = nil
            case .sourceSessionId, .insights:
                var body = try #require(object["body"] as? [String: Any])
                body[self.rawValue] = nil
                object["body"] = body
            case .summaryValue:
                object = try InsightsPayloads.withInsights(object) { $0["Summary"] = [["start": 0.5, "end": 3.0]] }
            case .transcriptText:
                object = try InsightsPayloads.withInsights(object) { insights in
                    var segments = insights["Transcript"] as? [[String: Any]] ?? []
                    segments[2]["text"] = nil
                    insights["Transcript"] = segments
                }
            }
        }
    }

    @Test("names the missing required field", arguments: Removal.allCases)
    func missingField(removal: Removal) throws {
        var object = try InsightsPayloads.readyObject()
        try removal.apply(to: &object)
        let error = try #require(throws: WebhookPayloadError.self) { try self.parser.parse(Payloads.data(object)) }
        #expect(error.field == removal.field)
        #expect(error.problem == "required field '\(removal.field)' is missing")
    }

    @Test("names a value of the wrong type by its path")
    func wrongType() throws {
        let object = try InsightsPayloads.withInsights(try InsightsPayloads.readyObject()) { insights in
            var segments = insights["Transcript"] as? [[String: Any]] ?? []
            segments[1]["start"] = "half a second"
            insights["Transcript"] = segments
        }
        let error = try #require(throws: WebhookPayloadError.self) { try self.parser.parse(Payloads.data(object)) }
        #expect(error.field == "body.insights.Transcript[1].start")
        #expect(error.problem.contains("a number"))
    }

    @Test("acknowledges and ignores insights with nothing to log and another domain's insights; refuses a bad time naming the field")
    func nothingToLogAndRefusals() throws {
        let empty = try InsightsPayloads.withInsights(try InsightsPayloads.readyObject()) { $0 = ["Sentiment": [["value": "Neutral"]]] }
        guard case .ignored(_, let reason) = try self.parser.parse(Payloads.data(empty)) else {
            Issue.record("insights with only a sentiment are ignored, not stored or refused")
            return
        }
        #expect(reason.contains("no Summary"))

        var video = try InsightsPayloads.readyObject()
        var body = try #require(video["body"] as? [String: Any])
        body["domain"] = "rcv"
        video["body"] = body
        guard case .ignored(let eventID, let why) = try self.parser.parse(Payloads.data(video)) else {
            Issue.record("a video meeting's insights are ignored")
            return
        }
        #expect(!eventID.rawValue.isEmpty && why.contains("rcv"))

        var badTime = try InsightsPayloads.readyObject()
        body = try #require(badTime["body"] as? [String: Any])
        body["lastModifiedTime"] = "yesterday"
        badTime["body"] = body
        #expect(try #require(throws: WebhookPayloadError.self) { try self.parser.parse(Payloads.data(badTime)) }.field == "body.lastModifiedTime")
    }

    @Test("event filters compare equal whatever account id RingCentral writes in place of ~")
    func filters() {
        #expect(EventFilter.wanted(expectInsights: false) == ["/restapi/v1.0/account/~/telephony/sessions"])
        #expect(EventFilter.wanted(expectInsights: true).contains("/ai/ringsense/v1/public/accounts/~/domains/pbx/insights"))
        let listed = ["/restapi/v1.0/account/400131404008/telephony/sessions", "/ai/ringsense/v1/public/accounts/400131404008/domains/pbx/insights"]
        #expect(EventFilter.matches(listed, EventFilter.wanted(expectInsights: true)))
        #expect(!EventFilter.matches([listed[0]], EventFilter.wanted(expectInsights: true)))
        #expect(!EventFilter.matches(listed, EventFilter.wanted(expectInsights: false)))
        #expect(EventFilter.isInsights(listed[1]) && !EventFilter.isInsights(listed[0]))
    }
}
