import Foundation
import ScribeCore
import ScribeTelephony
import Testing

@Suite("TelephonyEventParser")
struct TelephonyEventParserTests {
    let parser = TelephonyEventParser()
    /// 2026-11-21T10:15:02Z.
    static let eventSecond: TimeInterval = 1_795_256_102

    @Test("parses a telephony-session notification, ignoring fields it does not know")
    func realisticNotification() throws {
        let event = try self.parser.parse(Data(Payloads.answeredNotification.utf8))
        #expect(event.id == "7b0e4d4c-2b0c-4a55-9c61-3f3d52f1a001")
        #expect(event.accountID == "400131404008")
        #expect(event.sessionID == "s-a0d7e2a3b5c1e9f0z18b39d1f2a54")
        #expect(event.legacySessionID == "4503311124")
        #expect(event.sequence == 7)
        #expect(abs(event.eventTime.timeIntervalSince1970 - (Self.eventSecond + 0.531)) < 0.000_5)
        #expect(event.parties.count == 2)

        let agent = try #require(event.parties.first)
        #expect(agent == PartyUpdate(
            partyID: "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-2", extensionID: "400131405008", direction: .inbound,
            from: CallEndpoint(phoneNumber: "+14155550123", name: "Jane Doe"),
            to: CallEndpoint(phoneNumber: "+16505550100", name: "Alice Agent", extensionID: "400131405008"),
            status: .answered, reason: nil, missedCall: false, recordingIDs: ["3045617016"]
        ))
        let caller = event.parties[1]
        #expect(caller.extensionID == nil)
        #expect(caller.direction == .outbound)
        #expect(caller.status == .disconnected)
        #expect(caller.reason == "CallFinished")
        #expect(caller.isFinal)
        #expect(caller.recordingIDs.isEmpty)
    }

    @Test("reads where a Gone party went from its status's peerId")
    func peerOfGoneParty() throws {
        var object = try Payloads.answeredObject()
        var body = try #require(object["body"] as? [String: Any])
        var parties = try #require(body["parties"] as? [[String: Any]])
        parties[0]["status"] = [
            "code": "Gone", "reason": "AttendedTransfer", "rcc": false,
            "peerId": ["sessionId": "4503311999", "telephonySessionId": "s-a0d7e2a3b5c1e9f0z18b39d1f2b99", "partyId": "p-a0d7e2a3b5c1e9f0z18b39d1f2b99-3"],
        ]
        body["parties"] = parties
        object["body"] = body
        let event = try self.parser.parse(Payloads.data(object))
        #expect(event.parties[0].status == .gone)
        #expect(event.parties[0].isFinal)
        #expect(event.parties[0].peerSessionID == "s-a0d7e2a3b5c1e9f0z18b39d1f2b99")
        #expect(event.parties[1].peerSessionID == nil)
    }

    @Test("reads event times with and without fractional seconds", arguments: [("2026-11-21T10:15:02.531Z", 0.531), ("2026-11-21T10:15:02Z", 0), ("2026-11-21T10:15:02.000Z", 0)])
    func eventTimes(text: String, fraction: Double) throws {
        var object = try Payloads.answeredObject()
        var body = try #require(object["body"] as? [String: Any])
        body["eventTime"] = text
        object["body"] = body
        let event = try self.parser.parse(Payloads.data(object))
        #expect(abs(event.eventTime.timeIntervalSince1970 - (Self.eventSecond + fraction)) < 0.000_5)
    }

    @Test("takes the envelope's timestamp when the body has no event time")
    func timestampFallback() throws {
        var object = try Payloads.answeredObject()
        var body = try #require(object["body"] as? [String: Any])
        body["eventTime"] = nil
        object["body"] = body
        let event = try self.parser.parse(Payloads.data(object))
        #expect(abs(event.eventTime.timeIntervalSince1970 - (Self.eventSecond + 0.612)) < 0.000_5)
    }

    /// A required field taken out of the realistic notification, and the path the error must name.
    enum Removal: String, CaseIterable, Sendable {
        case uuid, body, telephonySessionId, sequence, parties, partyID, direction, statusCode, bothTimes

        var field: String {
            switch self {
            case .uuid: "uuid"
            case .body: "body"
            case .telephonySessionId: "body.telephonySessionId"
            case .sequence: "body.sequence"
            case .parties: "body.parties"
            case .partyID: "body.parties[0].id"
            case .direction: "body.parties[0].direction"
            case .statusCode: "body.parties[0].status.code"
            case .bothTimes: "body.eventTime"
            }
        }

        func apply(to object: inout [String: Any]) throws {
            var body = try #require(object["body"] as? [String: Any])
            var parties = try #require(body["parties"] as? [[String: Any]])
            switch self {
            case .uuid: object["uuid"] = nil
            case .body: object["body"] = nil; return
            case .telephonySessionId: body["telephonySessionId"] = nil
            case .sequence: body["sequence"] = nil
            case .parties: body["parties"] = nil
            case .partyID: parties[0]["id"] = nil
            case .direction: parties[0]["direction"] = nil
            case .statusCode: parties[0]["status"] = ["reason": "CallFinished"]
            case .bothTimes:
                body["eventTime"] = nil
                object["timestamp"] = nil
            }
            if self != .parties { body["parties"] = parties }
            object["body"] = body
        }
    }

    @Test("names the missing required field", arguments: Removal.allCases)
    func missingField(removal: Removal) throws {
        var object = try Payloads.answeredObject()
        try removal.apply(to: &object)
        let error = try #require(throws: WebhookPayloadError.self) { try self.parser.parse(Payloads.data(object)) }
        #expect(error.field == removal.field)
        #expect(error.problem == "required field '\(removal.field)' is missing")
    }

    @Test("names an empty parties list and a bad party by its index")
    func partiesProblems() throws {
        var object = try Payloads.answeredObject()
        var body = try #require(object["body"] as? [String: Any])
        var parties = try #require(body["parties"] as? [[String: Any]])
        body["parties"] = [] as [Any]
        object["body"] = body
        #expect(throws: WebhookPayloadError(field: "body.parties", problem: "required field 'body.parties' is missing")) {
            try self.parser.parse(Payloads.data(object))
        }
        parties[1]["id"] = ""
        body["parties"] = parties
        object["body"] = body
        let error = try #require(throws: WebhookPayloadError.self) { try self.parser.parse(Payloads.data(object)) }
        #expect(error.field == "body.parties[1].id")
    }

    @Test("names the direction when it is neither Inbound nor Outbound")
    func invalidDirection() throws {
        var object = try Payloads.answeredObject()
        var body = try #require(object["body"] as? [String: Any])
        var parties = try #require(body["parties"] as? [[String: Any]])
        parties[0]["direction"] = "Sideways"
        body["parties"] = parties
        object["body"] = body
        let error = try #require(throws: WebhookPayloadError.self) { try self.parser.parse(Payloads.data(object)) }
        #expect(error.field == "body.parties[0].direction")
        #expect(error.problem == "'Sideways' is neither Inbound nor Outbound")
    }

    @Test("names the event time when it is not ISO 8601")
    func invalidEventTime() throws {
        var object = try Payloads.answeredObject()
        var body = try #require(object["body"] as? [String: Any])
        body["eventTime"] = "21/11/2026 10:15"
        object["body"] = body
        let error = try #require(throws: WebhookPayloadError.self) { try self.parser.parse(Payloads.data(object)) }
        #expect(error.field == "body.eventTime")
    }

    @Test("rejects a body that is not a JSON notification, naming no field", arguments: ["", "not json", "[1, 2]", #"{"uuid": 42}"#, #"{"uuid": "u", "body": {"sequence": "seven"}}"#])
    func invalidJSON(text: String) throws {
        let error = try #require(throws: WebhookPayloadError.self) { try self.parser.parse(Data(text.utf8)) }
        #expect(error.field == nil)
        #expect(error.problem == "the body is not a JSON notification envelope")
    }

    @Test("takes the account id from the event filter when parties carry none")
    func accountFromEventFilter() throws {
        var object = try Payloads.answeredObject()
        var body = try #require(object["body"] as? [String: Any])
        var parties = try #require(body["parties"] as? [[String: Any]])
        for index in parties.indices { parties[index]["accountId"] = nil }
        body["parties"] = parties
        object["body"] = body
        object["event"] = "/restapi/v1.0/account/37439510/extension/400131405008/telephony/sessions?direction=Inbound"
        #expect(try self.parser.parse(Payloads.data(object)).accountID == "37439510")
    }

    @Test(
        "names the account id as missing when neither the parties nor the event filter give one",
        arguments: [nil, "", "?", "?direction=Inbound", "/restapi/v1.0/account/~/telephony/sessions", "/restapi/v1.0/account"] as [String?]
    )
    func noAccountID(eventFilter: String?) throws {
        var object = try Payloads.answeredObject()
        var body = try #require(object["body"] as? [String: Any])
        var parties = try #require(body["parties"] as? [[String: Any]])
        for index in parties.indices { parties[index]["accountId"] = nil }
        body["parties"] = parties
        object["body"] = body
        if let eventFilter { object["event"] = eventFilter } else { object["event"] = nil }
        let error = try #require(throws: WebhookPayloadError.self) { try self.parser.parse(Payloads.data(object)) }
        #expect(error.field == "body.parties[].accountId")
    }

    @Test("maps status codes it does not know to unknown, and keeps the missed-call flag")
    func unknownStatus() throws {
        var object = try Payloads.answeredObject()
        var body = try #require(object["body"] as? [String: Any])
        var parties = try #require(body["parties"] as? [[String: Any]])
        parties[0]["status"] = ["code": "Teleporting", "reason": "Quantum"]
        parties[0]["missedCall"] = true
        body["parties"] = parties
        object["body"] = body
        let party = try #require(try self.parser.parse(Payloads.data(object)).parties.first)
        #expect(party.status == .unknown)
        #expect(party.reason == "Quantum")
        #expect(party.missedCall)
    }
}
