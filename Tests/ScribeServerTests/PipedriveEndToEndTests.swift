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
    @Test("each call from a known person becomes exactly one activity on that person; unknown callers stay unlogged with the reason")
    func logsEachCallOnce() async throws {
        try await StackHarness.withStack(crm: .pipedrive) { stack in
            let pipedrive = try #require(stack.sandboxCRM.pipedrive)
            let batch = try await EndedCallBatch.log(30, stack: stack)
            try batch.expectShapeAndStrangersUnlogged()

            let activities = pipedrive.activities
            #expect(activities.count == batch.known.count)
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
            }
        }
    }

    /// Minutes in Pipedrive's `HH:MM` duration.
    static func minutes(_ duration: String?) -> Int? {
        let parts = (duration ?? "").split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
    }
}
