import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The whole slice over real loopback HTTP into Pipedrive: sandbox phone system → webhook → ledger →
/// Pipedrive connector → sandbox Pipedrive.
@Suite("Calls are logged end to end into Pipedrive")
struct PipedriveEndToEndTests {
    @Test("each call from a known person becomes exactly one activity on that person, turned into its call log with the outcome; unknown callers stay unlogged with the reason")
    func logsEachCallOnce() async throws {
        try await StackHarness.withStack(crm: .pipedrive) { stack in
            let pipedrive = try #require(stack.sandboxCRM.pipedrive)
            let batch = try await EndedCallBatch.log(30, stack: stack)
            try batch.expectShapeAndStrangersUnlogged()

            let activities = pipedrive.activities
            #expect(activities.count == batch.known.count)
            #expect(pipedrive.callLogs.count == activities.count, "every ended call's activity became its call log")
            let markers = activities.compactMap(\.publicDescription)
            #expect(markers.count == activities.count && Set(markers).count == activities.count, "one marked activity per log, no duplicates")
            for call in batch.known {
                let log = try batch.log(of: call)
                #expect(log.state == .logged)
                let activity = try #require(activities.first { String($0.id) == log.crmRecordID?.rawValue })
                #expect(activity.publicDescription?.hasSuffix(log.id.rawValue) == true, "the activity carries its log's marker")
                // One person per number, except the shared line, where the policy picks one of them.
                let matching = pipedrive.persons.filter { person in person.phones.contains { PhoneNumber(parsing: $0.value)?.e164 == call.customerNumber } }
                let person = try #require(matching.first { $0.id == activity.personID })
                #expect(log.contact?.id.rawValue == String(person.id))
                #expect(activity.participants.count == 1)
                #expect(activity.type == "call")
                #expect(activity.done)
                #expect(activity.subject.contains(person.name))
                // Pipedrive keeps whole minutes (HH:MM), rounded up.
                let minutes = try #require(Self.minutes(activity.duration))
                let talk = EndedCallBatch.talkSeconds(call)
                #expect(Double(minutes * 60) >= talk - 1 && Double(minutes * 60) < talk + 61, "\(activity.duration ?? "none") for \(talk) s")
                // The call log: the outcome its result means, the customer's number, the seconds talked.
                let callLog = try #require(pipedrive.callLog(ofActivity: activity.id))
                #expect(activity.callLogID == callLog.id)
                #expect(callLog.outcome == Self.outcome(of: log.leg.result))
                #expect(callLog.personID == person.id)
                let customerSide = log.leg.direction == .inbound ? callLog.fromPhoneNumber : callLog.toPhoneNumber
                #expect(customerSide == call.customerNumber, "the customer's number on the \(log.leg.direction) side")
                let seconds = try #require(callLog.duration.flatMap { Double($0) })
                #expect(abs(seconds - talk) <= 1, "\(seconds) s logged for \(talk) s")
            }
        }
    }

    @Test("a call log Pipedrive refuses after the activity was made: the log fails keeping that activity, and the retry writes the call log on it")
    func callLogRetried() async throws {
        try await StackHarness.withStack(crm: .pipedrive, settings: [Setting.autoLog.name: "false"]) { stack in
            let pipedrive = try #require(stack.sandboxCRM.pipedrive)
            let log = try await StackHarness.unloggedCall(stack, count: 2, seed: 17)
            pipedrive.failNext(status: 500, operation: "callLogs.create")

            #expect(try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: #"{"contactId": "1001"}"#).status == 202)
            try await StackHarness.eventually("the write fails after the activity") {
                guard case .failed = try await stack.callscribe.store.callLog(log.id)?.state else { return false }
                return true
            }
            let failed = try #require(try await stack.callscribe.store.callLog(log.id))
            let activityID = try #require(failed.crmRecordID.flatMap { Int($0.rawValue) }, "the activity made is kept")
            #expect(failed.timeline.contains { $0.message.hasPrefix("Created the CRM record \(activityID), but the rest of the write failed") })
            #expect(pipedrive.callLogs.isEmpty)

            #expect(try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/retry").status == 202)
            try await StackHarness.eventually("the retry writes the call log") {
                try await stack.callscribe.store.callLog(log.id)?.state == .logged
            }
            #expect(pipedrive.activities.count == 1, "no second activity")
            #expect(pipedrive.callLog(ofActivity: activityID)?.outcome == Self.outcome(of: log.leg.result))
            #expect(pipedrive.requestCount(for: "activities.create") == 1)
        }
    }

    /// The call-log outcome a call's result means when nobody chose one.
    static func outcome(of result: CallResult) -> String {
        switch result {
        case .answered: "connected"
        case .missed: "no_answer"
        case .voicemail: "left_voicemail"
        }
    }

    /// Minutes in Pipedrive's `HH:MM` duration.
    static func minutes(_ duration: String?) -> Int? {
        let parts = (duration ?? "").split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
    }
}
