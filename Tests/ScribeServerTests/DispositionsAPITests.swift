import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The log form's dispositions, end to end over loopback HTTP against the sandbox HubSpot: the
/// portal's list is offered, a disposition not on it is refused naming the field, and the chosen one
/// lands on the record as the portal's GUID.
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
}
