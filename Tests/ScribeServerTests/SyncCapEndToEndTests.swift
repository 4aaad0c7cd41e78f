import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// More calls end while Callscribe is stopped than one ISync may answer (250): RingCentral refuses
/// the stored sync token, and the restarted sweep must still find every call, through the listing,
/// then take a fresh token.
@Suite("More than 250 calls while Callscribe is stopped")
struct SyncCapEndToEndTests {
    static let callsWhileStopped = 300

    @Test("300 calls that end while Callscribe is stopped: the refused ISync falls back to the listing, each call is logged once")
    func overTheCapAfterRestart() async throws {
        try await StackHarness.withSandboxes { sandboxes, options in
            let phone = sandboxes.phone
            let before = StackHarness.endedCalls(3, first: 1, company: sandboxes.company, seed: 31)
            let port = try await SandboxStack.runCallscribe(options, on: sandboxes) { stack in
                try await stack.waitUntilSubscribed()
                // The start-up sweep has taken a sync token.
                try await StackHarness.eventually("the start-up sweep syncs") { phone.callLogSyncsServed.contains("FSync") }
                for call in before { try phone.place(call) }
                for call in before { await phone.deliver(call, realTime: false) }
                _ = try await StackHarness.settledCounts(stack, expected: before.count)
                return try #require(URL(string: stack.callscribeURL)?.port)
            }

            let whileStopped = StackHarness.endedCalls(Self.callsWhileStopped, first: 2001, company: sandboxes.company, seed: 32)
            for call in whileStopped { try phone.place(call) }
            for call in whileStopped { await phone.deliver(call, realTime: false) }
            let syncsBefore = phone.callLogSyncsServed.count

            var restart = options
            restart.callscribePort = port
            try await SandboxStack.runCallscribe(restart, on: sandboxes) { stack in
                _ = try await StackHarness.settledCounts(stack, expected: before.count + whileStopped.count, timeout: .seconds(60))
                try await StoppedCallscribeEndToEndTests.expectLoggedOnce(before + whileStopped, stack: stack)
                #expect(Array(phone.callLogSyncsServed.dropFirst(syncsBefore).prefix(2)) == ["ISync", "FSync"], "refused, then a fresh token")
            }
        }
    }
}
