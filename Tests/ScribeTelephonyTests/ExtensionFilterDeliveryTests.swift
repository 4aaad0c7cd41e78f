import Foundation
import ScribeCore
import ScribeSandbox
import ScribeTelephony
import Testing

/// Extension-level telephony filters: the sandbox delivers a call's events only to subscriptions
/// whose filters cover the call's extension, and names that extension's filter in `event`.
@Suite("Extension-level subscriptions")
struct ExtensionFilterDeliveryTests {
    @Test("a subscription with one extension's filter hears that extension's calls only")
    func extensionFilter() async throws {
        try await SandboxControlTests.withSandbox { harness in
            let company = harness.phone.company
            let covered = company.employees[0]
            let other = company.employees[1]
            let subscription = try #require(try await harness.client.subscriptions().first)
            let updated = try await harness.client.updateSubscription(
                subscription.id, eventFilters: [EventFilter.telephonySessions(of: ExtensionID(covered.extensionID))]
            )
            #expect(updated.eventFilters == ["/restapi/v1.0/account/\(company.accountID)/extension/\(covered.extensionID)/telephony/sessions"])

            let calls = try [covered, other].map { employee in
                var request = PhoneSystemSandbox.CallRequest(extensionNumber: employee.extensionNumber, customer: 1)
                request.ringSeconds = 0.5
                request.talkSeconds = 0.5
                return try harness.phone.placeRequested(request)
            }
            #expect(try await SandboxControlTests.eventually(within: 10) { harness.phone.hangUpsSent.count == 2 })
            #expect(harness.statusCodes(of: calls[0].telephonySessionID) == ["Setup", "Proceeding", "Answered", "Disconnected"])
            #expect(harness.statusCodes(of: calls[1].telephonySessionID).isEmpty, "no filter covers the other extension")
            let events = Set(harness.received.objects.compactMap { $0["event"] as? String })
            #expect(events == ["/restapi/v1.0/account/\(company.accountID)/extension/\(covered.extensionID)/telephony/sessions"])
        }
    }

    @Test("an added extension is listed by the extensions API and can be called")
    func addedExtension() async throws {
        try await SandboxControlTests.withSandbox { harness in
            harness.phone.addExtension(extensionID: "63019999", extensionNumber: "199", name: "Gia Romano", directNumber: "+16505550299")
            let account = try await harness.client.accountID()
            let listed = try await harness.client.extensions(of: account)
            #expect(listed.map(\.id.rawValue).contains("63019999"))
            #expect(listed.count == harness.phone.company.employees.count + 1)
            let call = try harness.phone.placeRequested(PhoneSystemSandbox.CallRequest(extensionNumber: "199", customer: 0))
            #expect(call.extensionID == "63019999")
        }
    }

    @Test(
        "groups filters per subscription: one account filter, or one per extension split at the limit, insights in the first",
        arguments: [SubscriptionScope.account, .extensions]
    )
    func groups(scope: SubscriptionScope) {
        let extensions: [ExtensionID] = ["3", "1", "2", "1"]
        let groups = EventFilter.subscriptions(scope: scope, extensions: extensions, expectInsights: true, limit: 2)
        switch scope {
        case .account:
            #expect(groups == [[EventFilter.pbxInsights, EventFilter.telephonySessions]])
        case .extensions:
            #expect(
                groups == [
                    [EventFilter.pbxInsights, "/restapi/v1.0/account/~/extension/1/telephony/sessions"],
                    ["/restapi/v1.0/account/~/extension/2/telephony/sessions", "/restapi/v1.0/account/~/extension/3/telephony/sessions"],
                ]
            )
            #expect(EventFilter.subscriptions(scope: .extensions, extensions: [], expectInsights: false).isEmpty)
        }
    }
}
