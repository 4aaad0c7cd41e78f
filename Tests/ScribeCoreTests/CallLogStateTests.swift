import Foundation
import ScribeCore
import Testing

@Suite("CallLogState")
struct CallLogStateTests {
    static let retryAt = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(
        "names, explains and classifies every state",
        arguments: [
            (CallLogState.observed, "observed", "Call seen; deciding how to log it.", true),
            (.waiting(.contactChoice, until: nil), "waiting", "Waiting for a contact choice.", true),
            (.waiting(.artifacts, until: CallLogStateTests.retryAt), "waiting", "Waiting for artifacts until 2027-01-15T08:00:00Z.", true),
            (.waiting(.gracePeriod, until: nil), "waiting", "Waiting for the grace period.", true),
            (.creating, "creating", "Writing the record to the CRM.", true),
            (.logged, "logged", "Logged in the CRM.", false),
            (.skipped(.internalCall), "skipped", "Not logged: internal call between extensions.", true),
            (.skipped(.unknownContact), "skipped", "Not logged: no CRM contact has this number; log it by hand or add the contact.", true),
            (.failed(reason: "HubSpot answered 503", retryAt: CallLogStateTests.retryAt), "failed", "Failed: HubSpot answered 503. Next attempt at 2027-01-15T08:00:00Z.", true),
            (.failed(reason: "HubSpot answered 400", retryAt: nil), "failed", "Failed: HubSpot answered 400. No more automatic attempts.", true),
        ]
    )
    func describes(state: CallLogState, name: String, explanation: String, isUnlogged: Bool) {
        #expect(state.name == name)
        #expect(state.explanation == explanation)
        #expect(state.isUnlogged == isUnlogged)
    }

    @Test("explains every skip reason in its own words")
    func skipReasons() {
        let explanations = SkipReason.allCases.map(\.explanation)
        #expect(Set(explanations).count == SkipReason.allCases.count)
        #expect(SkipReason.allCases.map(\.rawValue) == ["auto_log_off", "unknown_contact", "internal_call", "blocked_number", "too_short", "no_phone_number", "blocked_extension", "voicemail", "answered_elsewhere", "part_of_another_call", "own_number"])
    }

    @Test("round-trips every state through JSON")
    func codable() throws {
        let states: [CallLogState] = [
            .observed, .waiting(.artifacts, until: Self.retryAt), .creating, .logged, .skipped(.tooShort),
            .failed(reason: "timeout", retryAt: nil),
        ]
        let decoded = try JSONDecoder().decode([CallLogState].self, from: JSONEncoder().encode(states))
        #expect(decoded == states)
    }
}
