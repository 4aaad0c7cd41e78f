import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// Callscribe keeps one working subscription: it replaces a blacklisted one and renews one about to expire.
@Suite("The webhook subscription")
struct WebhookSubscriptionTests {
    @Test("a blacklisted subscription is replaced, and the calls it failed to deliver are found in the call log and logged")
    func blacklistedIsReplaced() async throws {
        let settings = [Setting.subscriptionCheck.name: "5"]
        try await StackHarness.withStack(settings: settings) { stack in
            let original = stack.phone.subscriptionIDs
            #expect(original.count == 1)
            stack.phone.blacklistSubscriptions()
            #expect(stack.phone.subscriptionCount == 0)
            let calls = StackHarness.endedCalls(8, stack: stack, seed: 21)
            for call in calls { try stack.phone.place(call) }
            // Delivered to nobody: the only subscription is blacklisted.
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            #expect(try await stack.callscribe.store.callLogCounts().isEmpty)

            try await StackHarness.eventually("a new subscription replaces the blacklisted one", timeout: .seconds(15)) {
                stack.phone.subscriptionCount == 1 && stack.phone.subscriptionIDs != original
            }
            #expect(stack.phone.subscriptionIDs.count == 1, "the blacklisted subscription is deleted")
            _ = try await StackHarness.settledCounts(stack, expected: calls.count)
            let known = calls.filter { call in stack.company.customers.contains { $0.phoneNumber == call.customerNumber } }
            #expect(stack.crm.calls.count == known.count)
        }
    }

    @Test("a subscription close to expiry is renewed")
    func expiringIsRenewed() async throws {
        try await StackHarness.withStack(settings: [Setting.subscriptionCheck.name: "5"]) { stack in
            let id = try #require(stack.phone.subscriptionIDs.first)
            stack.phone.expireSubscriptions(in: 600)
            try await StackHarness.eventually("the subscription is renewed", timeout: .seconds(15)) {
                (stack.phone.subscriptionExpiries[id] ?? .distantPast) > Date().addingTimeInterval(86_400)
            }
            #expect(stack.phone.subscriptionIDs == [id], "renewed in place, not replaced")
        }
    }
}
