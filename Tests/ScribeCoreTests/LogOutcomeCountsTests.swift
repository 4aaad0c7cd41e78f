import Foundation
import ScribeCore
import Testing

@Suite("Log outcomes and failure codes")
struct LogOutcomeCountsTests {
    @Test(
        "a failure's code is its operation and HTTP status, read back from the sentence the writer stores",
        arguments: [
            (ConnectorError(.rateLimited(retryAfter: 10), operation: "hubspot.createCall", status: 429, message: "slow down: 3 requests"), "hubspot.createCall HTTP 429"),
            (ConnectorError(.transient, operation: "pipedrive.findContacts", message: "connection refused"), "pipedrive.findContacts"),
            (ConnectorError(.validationFailed(field: "Subject"), operation: "salesforce.createTask", status: 400, message: "bad (HTTP 999) value"), "salesforce.createTask HTTP 400"),
        ]
    )
    func connectorFailure(error: ConnectorError, code: String) {
        #expect(FailureCode.of(error.description) == code)
    }

    @Test("a reason in another shape is named by its first clause")
    func otherReasons() {
        #expect(FailureCode.of("HubSpot answered 503") == "HubSpot answered 503")
        #expect(FailureCode.of("no connector for conn-x: not registered") == "no connector for conn-x")
        #expect(FailureCode.of("") == "unknown")
    }

    @Test("states count under the outcome the list filters use, with reasons for skipped and failed")
    func counts() {
        var counts = LogOutcomeCounts()
        for state: CallLogState in [.observed, .waiting(.artifacts, until: nil), .creating, .logged, .logged, .logged, .skipped(.voicemail)] {
            counts.add(state)
        }
        counts.add(.failed(reason: "hubspot.createCall failed (HTTP 500): oops", retryAt: nil), count: 2)
        #expect(counts.logged == 3)
        #expect(counts.pending == 3)
        #expect(counts.failed == 2)
        #expect(counts.skipped == 1)
        #expect(counts.skipReasons == ["voicemail": 1])
        #expect(counts.failureCodes == ["hubspot.createCall HTTP 500": 2])
        #expect(counts.total == 9)
        #expect(counts.loggable == 8)
        #expect(counts.loggedPercent == 37.5)
        #expect(LogOutcome.allCases.map { counts[$0] } == [3, 3, 2, 1])
        #expect(LogOutcomeCounts().loggedPercent == nil)
    }
}
