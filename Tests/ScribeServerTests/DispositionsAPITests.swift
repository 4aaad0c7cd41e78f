import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The log form's dispositions, end to end over loopback HTTP against the sandbox HubSpot (the
/// portal's list is offered, a disposition not on it is refused naming the field, and the chosen one
/// lands on the record as the portal's GUID) and Pipedrive (the call logs' outcomes).
@Suite("Dispositions API", .serialized)
struct DispositionsAPITests {
    struct Listing: Decodable {
        struct Disposition: Decodable, Equatable { var id: String; var label: String }
        var supported: Bool
        var dispositions: [Disposition]
    }

    @Test("the portal's dispositions are listed; an unknown one is a 400 naming disposition; a chosen one is on the HubSpot record")
    func manualLogWithDisposition() async throws {
        try await StackHarness.withStack(settings: [Setting.autoLog.name: "false"]) { stack in
            let log = try await StackHarness.unloggedCall(stack, count: 2, seed: 17)

            let listed = try await StackHarness.send(.GET, stack, "/api/logs/\(log.id)/dispositions")
            #expect(listed.status == 200)
            let listing = try JSONDecoder().decode(Listing.self, from: Data(listed.body.utf8))
            #expect(listing.supported)
            #expect(listing.dispositions.map(\.label) == stack.crm.directory.dispositions.map(\.label))
            #expect(listing.dispositions.contains(.init(id: SandboxCRMDirectory.portalDisposition.id, label: "Meeting booked")))

            let bad = try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: #"{"contactId": "1001", "disposition": "Very happy"}"#)
            #expect(bad.status == 400)
            #expect(bad.body.contains("\"field\":\"disposition\""))

            #expect(try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: #"{"contactId": "1001", "disposition": "meeting booked"}"#).status == 202)
            try await StackHarness.eventually("the manual log is written") {
                try await stack.callscribe.store.callLog(log.id)?.state == .logged
            }
            let record = try #require(try await stack.callscribe.store.callLog(log.id)?.crmRecordID)
            let call = try #require(stack.crm.call(id: record.rawValue))
            #expect(call.properties["hs_call_disposition"] == SandboxCRMDirectory.portalDisposition.id)
            #expect(call.properties["hs_call_body"]?.contains("Meeting booked") == true, "stored under the portal's label")

            #expect(try await StackHarness.send(.GET, stack, "/api/logs/no-such-log/dispositions").status == 404)
        }
    }

    @Test("Pipedrive offers its call outcomes; the chosen one is the call log's, and choosing again replaces the call log")
    func pipedriveOutcome() async throws {
        try await StackHarness.withStack(crm: .pipedrive, settings: [Setting.autoLog.name: "false"]) { stack in
            let pipedrive = try #require(stack.sandboxCRM.pipedrive)
            let log = try await StackHarness.unloggedCall(stack, count: 2, seed: 17)

            let listed = try await StackHarness.send(.GET, stack, "/api/logs/\(log.id)/dispositions")
            let listing = try JSONDecoder().decode(Listing.self, from: Data(listed.body.utf8))
            #expect(listing.supported)
            #expect(listing.dispositions.map(\.id) == ["connected", "no_answer", "left_message", "left_voicemail", "wrong_number", "busy"])

            for (chosen, outcome) in [("left message", "left_message"), ("Busy", "busy")] {
                let requested = try await StackHarness.send(.POST, stack, "/api/logs/\(log.id)/log", json: #"{"contactId": "1001", "disposition": "\#(chosen)"}"#)
                #expect(requested.status == 202)
                try await StackHarness.eventually("the call log says \(outcome)") {
                    guard let record = try await stack.callscribe.store.callLog(log.id)?.crmRecordID, let activity = Int(record.rawValue) else { return false }
                    return pipedrive.callLog(ofActivity: activity)?.outcome == outcome
                }
            }
            #expect(pipedrive.activities.count == 1)
            #expect(pipedrive.callLogs.count == 1, "the first call log was replaced, not kept beside the second")
        }
    }
}
