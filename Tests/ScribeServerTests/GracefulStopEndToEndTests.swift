import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// A graceful stop (SIGTERM, a deploy) lets the CRM writes in flight finish: the call is logged
/// before the server exits, so the next server has no lease to wait out and nothing to repair.
@Suite("A graceful stop finishes the writes in flight")
struct GracefulStopEndToEndTests {
    @Test("a create the CRM is still answering when the stop comes is finished and recorded before the server exits")
    func writeInFlightFinishes() async throws {
        // The sandbox HubSpot stores each new record, then holds its answer for a second and a half.
        try await StackHarness.withSandboxes(crmCreateAnswerDelay: .milliseconds(1500)) { sandboxes, options in
            var placing = PhoneSystemSandbox.CallRequest(extensionNumber: sandboxes.company.employees[0].extensionNumber, customer: 2)
            placing.ringSeconds = 0.5
            placing.talkSeconds = 1
            let request = placing
            let (logID, port) = try await SandboxStack.runCallscribe(options, on: sandboxes) { stack in
                try await stack.waitUntilSubscribed()
                let call = try sandboxes.phone.placeRequested(request)
                let session = TelephonySessionID(call.telephonySessionID)
                try await StackHarness.eventually("the log's create is under way", timeout: .seconds(15)) {
                    try await stack.callscribe.store.callLogs(session: session).contains { $0.state == .creating }
                }
                let creating = try await stack.callscribe.store.callLogs(session: session).first { $0.state == .creating }
                return (try #require(creating?.id), try #require(URL(string: stack.callscribeURL)?.port))
            }
            // Stopped: the create was not cut off; it finished and the ledger has the record.
            var restart = options
            restart.callscribePort = port
            try await SandboxStack.runCallscribe(restart, on: sandboxes) { stack in
                let log = try #require(try await stack.callscribe.store.callLog(logID))
                #expect(log.state == .logged, "logged before the first server exited: \(log.state.explanation)")
                let recordID = try #require(log.crmRecordID)
                #expect(stack.crm.calls.filter { $0.properties["callscribe_log_id"] == logID.rawValue }.map(\.id) == [recordID.rawValue])
                #expect(!log.timeline.contains { $0.message.contains("earlier attempt") }, "no repair was needed")
            }
        }
    }
}
