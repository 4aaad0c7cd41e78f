import Foundation
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// "Create the record when the call connects" over real loopback HTTP: the sandbox phone system
/// delivers a call in real time and the sandbox HubSpot holds its record while people still talk.
@Suite("Records created when the call connects")
struct CreateOnConnectEndToEndTests {
    @Test("the CRM has the call while it lasts, marked in progress, and the same record gets its length once it ends")
    func createdWhileTalking() async throws {
        try await StackHarness.withStack(settings: [Setting.createWhen.name: "connected"]) { stack in
            var request = PhoneSystemSandbox.CallRequest(extensionNumber: stack.company.employees[0].extensionNumber, customer: 2)
            request.ringSeconds = 0.5
            request.talkSeconds = 6
            let call = try stack.phone.placeRequested(request)
            let hangUp = call.placedAt.addingTimeInterval(request.ringSeconds + request.talkSeconds)

            try await StackHarness.eventually("the record exists while the call lasts", timeout: .seconds(5)) {
                try await InsightsEndToEndTests.record(stack, call) != nil
            }
            let during = try #require(try await InsightsEndToEndTests.record(stack, call))
            #expect(Date() < hangUp, "created before the hang-up")
            #expect(during.properties["hs_call_duration"] == "0")
            #expect(during.properties["hs_call_body"]?.contains("In progress") == true)
            let listed = try await StackHarness.send(.GET, stack, "/api/calls")
            struct Listing: Decodable {
                struct Entry: Decodable { var sessionId: String; var inProgress: Bool }
                var calls: [Entry]
            }
            let entries = try JSONDecoder().decode(Listing.self, from: Data(listed.body.utf8)).calls
            #expect(entries.first { $0.sessionId == call.telephonySessionID }?.inProgress == true, "the API says the call is still going")
            let browser = try await BrowserSession.signIn(stack.callscribeURL, email: DemoPeople.adminEmail)
            let page = try await browser.send(.GET, "/").body
            #expect(page.contains("data-in-progress=\"1\""), "the history marks the row, so the pop-up waits for the end")
            #expect(page.contains("on the call"))

            do {
                try await StackHarness.eventually("the record shows the call's length", timeout: .seconds(20)) {
                    let duration = try await InsightsEndToEndTests.record(stack, call)?.properties["hs_call_duration"]
                    return (Double(duration ?? "") ?? 0) > 5000
                }
            } catch {
                let log = try await InsightsEndToEndTests.log(stack, call)
                Issue.record("log: \(String(describing: log?.state)); leg in progress: \(String(describing: log?.leg.inProgress)); timeline: \(log?.timeline.map(\.message) ?? [])")
                throw error
            }
            let after = try #require(try await InsightsEndToEndTests.record(stack, call))
            #expect(after.id == during.id)
            #expect(after.properties["hs_call_body"]?.contains("In progress") == false)
            #expect(stack.crm.calls.count == 1, "one record for the call")
            let log = try #require(try await InsightsEndToEndTests.log(stack, call))
            #expect(log.state == .logged)
            #expect(!log.leg.inProgress)
        }
    }
}
