import Foundation
import ScribeCore
import ScribeTelephony
import Testing

@Suite("CallLogRecord")
struct CallLogRecordTests {
    /// 2026-11-21T10:13:02Z, the answered record's start.
    static let start = Date(timeIntervalSince1970: 1_795_255_982)

    func record(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> CallLogRecord {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(Payloads.answeredRecord.utf8)) as? [String: Any])
        edit(&object)
        return try JSONDecoder().decode(CallLogRecord.self, from: JSONSerialization.data(withJSONObject: object))
    }

    func fold(_ events: [TelephonyEvent]) -> Call {
        var call = Call(sessionID: "s-a0d7e2a3b5c1e9f0z18b39d1f2a54", accountID: "400131404008")
        for event in events { call.apply(event) }
        return call
    }

    @Test("decodes a Detailed-view record, ignoring fields it does not know")
    func decodes() throws {
        let record = try JSONDecoder().decode(CallLogRecord.self, from: Data(Payloads.answeredRecord.utf8))
        #expect(record.id == "Y3s1Ndk0NzE0NzU3Mzk0NzY0fQ")
        #expect(record.sessionId == "4503311124")
        #expect(record.telephonySessionId == "s-a0d7e2a3b5c1e9f0z18b39d1f2a54")
        #expect(record.partyId == "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-2")
        #expect(record.startTime == "2026-11-21T10:13:02.000Z")
        #expect(record.duration == 120)
        #expect(record.type == "Voice")
        #expect(record.direction == "Inbound")
        #expect(record.action == "Phone Call")
        #expect(record.result == "Accepted")
        #expect(record.from?.phoneNumber == "+14155550123")
        #expect(record.from?.name == "Jane Doe")
        #expect(record.to?.extensionNumber == "101")
        #expect(record.to?.extensionId == "400131405008")
        #expect(record.recording?.id == "3045617016")
        #expect(record.recording?.type == "Automatic")
        #expect(record.lastModifiedTime == "2026-11-21T10:15:05.077Z")
        let leg = try #require(record.legs?.first)
        #expect(record.legs?.count == 1)
        #expect(leg.extension?.id == 400_131_405_008)
        #expect(leg.legType == "Accept")
        #expect(leg.master == true)
        #expect(leg.duration == 120)
    }

    @Test("turns an answered record into set-up, answer and hang-up events ending at the final sequence")
    func answeredEvents() throws {
        let events = try self.record().telephonyEvents(accountID: "400131404008")
        #expect(events.map(\.id) == [
            "call-log:Y3s1Ndk0NzE0NzU3Mzk0NzY0fQ:Setup", "call-log:Y3s1Ndk0NzE0NzU3Mzk0NzY0fQ:Answered",
            "call-log:Y3s1Ndk0NzE0NzU3Mzk0NzY0fQ:Disconnected",
        ])
        #expect(events.allSatisfy { $0.id.rawValue.hasPrefix("call-log:") })
        #expect(events.map(\.sequence) == [TelephonyEvent.finalSequence - 2, TelephonyEvent.finalSequence - 1, TelephonyEvent.finalSequence])
        #expect(events.map { $0.parties.map(\.status) } == [[.setup], [.answered], [.disconnected]])
        #expect(events.map(\.eventTime) == [Self.start, Self.start, Self.start.addingTimeInterval(120)])
        #expect(events.allSatisfy { $0.accountID == "400131404008" && $0.sessionID == "s-a0d7e2a3b5c1e9f0z18b39d1f2a54" && $0.legacySessionID == "4503311124" })
    }

    @Test("folds an answered record into an answered leg of its duration")
    func answeredLeg() throws {
        let call = self.fold(try self.record().telephonyEvents(accountID: "400131404008"))
        let leg = try #require(call.endedLegs.first)
        #expect(call.endedLegs.count == 1)
        #expect(leg.extensionID == "400131405008")
        #expect(leg.partyID == "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-2")
        #expect(leg.direction == .inbound)
        #expect(leg.result == .answered)
        #expect(leg.duration == 120)
        #expect(leg.startedAt == Self.start)
        #expect(leg.counterpart == CallEndpoint(phoneNumber: "+14155550123", name: "Jane Doe"))
        #expect(leg.ownEndpoint == CallEndpoint(phoneNumber: "+16505550100", name: "Alice Agent", extensionID: "400131405008"))
        #expect(leg.recordingIDs == ["3045617016"])
    }

    @Test("a transferred call's record becomes one leg per extension, each with its own time, length and result")
    func transferredRecord() throws {
        func leg(_ extensionID: Int64, _ offset: Int, _ duration: Int, _ result: String, _ type: String, to name: String) -> [String: Any] {
            [
                "startTime": ISO8601DateFormatter().string(from: Self.start.addingTimeInterval(TimeInterval(offset))), "duration": duration, "direction": "Inbound",
                "result": result, "legType": type, "from": ["phoneNumber": "+14155550123", "name": "Jane Doe"],
                "to": ["extensionId": String(extensionID), "name": name], "extension": ["id": extensionID],
            ]
        }
        let record = try self.record {
            $0["duration"] = 150
            $0["legs"] = [
                leg(400131405008, 0, 60, "Accepted", "Accept", to: "Alice Agent"),
                leg(400131405009, 60, 90, "Accepted", "TransferCall", to: "Bob Agent"),
                leg(400131405010, 0, 20, "Missed", "FindMe", to: "Carol Agent"),
            ]
        }
        let events = record.telephonyEvents(accountID: "400131404008")
        #expect(Set(events.map(\.id)).count == events.count, "every event has its own id")
        let legs = self.fold(events).endedLegs
        #expect(legs.map(\.extensionID) == ["400131405008", "400131405009", "400131405010"])
        #expect(legs.map(\.result) == [.answered, .answered, .missed])
        #expect(legs.map(\.duration) == [60, 90, 0])
        #expect(legs[1].startedAt == Self.start.addingTimeInterval(60))
        #expect(legs[1].ownEndpoint.name == "Bob Agent")
        #expect(Set(legs.map(\.partyID)).count == 3)
        // Imported again (the next sweep), it is the same events: nothing new.
        #expect(record.telephonyEvents(accountID: "400131404008").map(\.id) == events.map(\.id))
    }

    @Test("folds a missed record into a missed leg with no talk time")
    func missedLeg() throws {
        let record = try self.record {
            $0["result"] = "Missed"
            $0["duration"] = 25
            $0["recording"] = nil
        }
        let events = record.telephonyEvents(accountID: "400131404008")
        #expect(events.map { $0.parties.map(\.status) } == [[.setup], [.disconnected]])
        #expect(events.last?.sequence == TelephonyEvent.finalSequence)
        #expect(events.allSatisfy { $0.parties.allSatisfy(\.missedCall) })
        let leg = try #require(self.fold(events).endedLegs.first)
        #expect(leg.result == .missed)
        #expect(leg.duration == 0)
        #expect(leg.endedAt == Self.start.addingTimeInterval(25))
        #expect(leg.recordingIDs.isEmpty)
    }

    @Test("folds a voicemail record into a voicemail leg")
    func voicemailLeg() throws {
        let record = try self.record {
            $0["result"] = "Voicemail"
            $0["duration"] = 40
        }
        let leg = try #require(self.fold(record.telephonyEvents(accountID: "400131404008")).endedLegs.first)
        #expect(leg.result == .voicemail)
        #expect(leg.duration == 0)
    }

    @Test("takes the extension from the callee when the record has no legs")
    func extensionWithoutLegs() throws {
        let record = try self.record {
            $0["legs"] = nil
            $0["partyId"] = nil
        }
        let events = record.telephonyEvents(accountID: "400131404008")
        #expect(events.first?.parties.first?.extensionID == "400131405008")
        #expect(events.first?.parties.first?.partyID == "call-log-Y3s1Ndk0NzE0NzU3Mzk0NzY0fQ")
    }

    @Test("gives no events for faxes, records without a session id, or without an extension")
    func unloggable() throws {
        #expect(try self.record { $0["type"] = "Fax" }.telephonyEvents(accountID: "400131404008").isEmpty)
        #expect(try self.record { $0["telephonySessionId"] = nil }.telephonyEvents(accountID: "400131404008").isEmpty)
        let noExtension = try self.record {
            $0["legs"] = nil
            $0["to"] = ["phoneNumber": "+16505550100"]
        }
        #expect(noExtension.telephonyEvents(accountID: "400131404008").isEmpty)
    }
}
