import Foundation
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
                #expect([callLog.fromPhoneNumber, callLog.toPhoneNumber].contains(call.customerNumber))
                let seconds = try #require(callLog.duration.flatMap { Double($0) })
                #expect(abs(seconds - talk) <= 1, "\(seconds) s logged for \(talk) s")
            }
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
