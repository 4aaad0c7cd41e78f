import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import ScribeTelephony
import Testing

/// `RINGCENTRAL_SUBSCRIPTION_SCOPE=extensions`: one filter per extension, kept in step with the
/// extension list; the sandbox delivers only what the filters cover.
@Suite("Per-extension webhook subscriptions")
struct ExtensionSubscriptionEndToEndTests {
    static let settings = [Setting.subscriptionScope.name: "extensions", Setting.subscriptionCheck.name: "5"]

    static func filters(_ stack: RunningSandboxStack) -> Set<String> {
        Set(stack.phone.subscriptionFilters.values.flatMap { $0 })
    }

    static func logged(_ stack: RunningSandboxStack, _ call: ScriptedCall) async throws -> Bool {
        try await InsightsEndToEndTests.log(stack, call)?.crmRecordID != nil
    }

    @Test("covered extensions' calls are delivered and logged, an uncovered one's are not, and a new extension joins the filters")
    func extensionScope() async throws {
        try await StackHarness.withStack(settings: Self.settings) { stack in
            let employees = stack.company.employees
            #expect(Self.filters(stack) == Set(employees.map { EventFilter.telephonySessions(of: ExtensionID($0.extensionID)) }))
            #expect(stack.phone.subscriptionCount == 1)

            var request = PhoneSystemSandbox.CallRequest(extensionNumber: employees[1].extensionNumber, customer: 3)
            request.ringSeconds = 0.5
            request.talkSeconds = 0.5
            let covered = try stack.phone.placeRequested(request)
            try await StackHarness.eventually("the covered extension's call is logged", timeout: .seconds(20)) {
                try await Self.logged(stack, covered)
            }

            // A call on an extension Callscribe has not heard of: no filter covers it, so nothing is delivered.
            var stray = try stack.phone.scriptedCall(for: request, number: PhoneSystemSandbox.controlledCallNumberBase + 900, placedAt: Date().addingTimeInterval(-5))
            stray.extensionID = "63018888"
            try stack.phone.place(stray)
            await stack.phone.deliver(stray, realTime: false)
            #expect(try await stack.callscribe.store.events(of: TelephonySessionID(stray.telephonySessionID)).isEmpty)

            // An admin adds an extension: the next check adds its filter, and its calls are logged.
            stack.phone.addExtension(extensionID: "63019999", extensionNumber: "199", name: "Gia Romano", directNumber: "+16505550299")
            let added = EventFilter.telephonySessions(of: "63019999")
            try await StackHarness.eventually("the new extension's filter is added", timeout: .seconds(15)) {
                Self.filters(stack).contains(added)
            }
            #expect(Self.filters(stack).count == employees.count + 1)
            #expect(stack.phone.subscriptionCount == 1, "the subscription is updated in place")
            var newcomer = PhoneSystemSandbox.CallRequest(extensionNumber: "199", customer: 4)
            newcomer.ringSeconds = 0.5
            newcomer.talkSeconds = 0.5
            let call = try stack.phone.placeRequested(newcomer)
            try await StackHarness.eventually("the new extension's call is logged", timeout: .seconds(20)) {
                try await Self.logged(stack, call)
            }
        }
    }
}
