import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// A batch of ended calls placed through the sandbox phone system and delivered, once every log has
/// settled: the calls split into those from the CRM's customers and those from strangers.
struct EndedCallBatch {
    let calls: [ScriptedCall]
    let known: [ScriptedCall]
    let strangers: [ScriptedCall]
    let logs: [CallLog]

    /// Places and delivers `count` ended calls and waits until each has a settled log.
    static func log(_ count: Int, stack: RunningSandboxStack, seed: UInt64 = 11, timeout: Duration = .seconds(20)) async throws -> EndedCallBatch {
        let calls = StackHarness.endedCalls(count, stack: stack, seed: seed)
        for call in calls { try stack.phone.place(call) }
        for call in calls { await stack.phone.deliver(call, realTime: false) }
        _ = try await StackHarness.settledCounts(stack, expected: calls.count, timeout: timeout)
        let customers = Set(stack.company.customers.map(\.phoneNumber))
        let logs = try await stack.callscribe.store.callLogs(CallLogQuery(limit: 1000))
        return EndedCallBatch(
            calls: calls, known: calls.filter { customers.contains($0.customerNumber) }, strangers: calls.filter { !customers.contains($0.customerNumber) },
            logs: logs
        )
    }

    /// The log of `call`.
    func log(of call: ScriptedCall, sourceLocation: SourceLocation = #_sourceLocation) throws -> CallLog {
        try #require(self.logs.first { $0.key.sessionID.rawValue == call.telephonySessionID }, sourceLocation: sourceLocation)
    }

    /// Both kinds of caller are there, there is one log per call, and strangers' calls stay unlogged with the reason.
    func expectShapeAndStrangersUnlogged(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!self.known.isEmpty && !self.strangers.isEmpty, "the seed should give both kinds of caller", sourceLocation: sourceLocation)
        #expect(self.logs.count == self.calls.count, sourceLocation: sourceLocation)
        for call in self.strangers {
            let log = try self.log(of: call, sourceLocation: sourceLocation)
            #expect(log.state == .skipped(.unknownContact), sourceLocation: sourceLocation)
            #expect(log.state.explanation.contains("no CRM contact"), sourceLocation: sourceLocation)
        }
    }

    /// The talk time the CRM record should show for `call`.
    static func talkSeconds(_ call: ScriptedCall) -> Double {
        call.outcome == .answered ? call.talkSeconds : 0
    }
}
