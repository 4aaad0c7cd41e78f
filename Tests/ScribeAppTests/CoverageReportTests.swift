import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import Testing

/// The coverage report over a real ledger: days filled in, totals, the share logged, JSON and text.
@Suite("CoverageReport")
struct CoverageReportTests {
    static let connection = CRMConnection(id: "hubspot", accountID: "acc-1", kind: "hubspot", baseURL: "https://api.hubapi.com", sealedCredential: [7, 7, 7])

    /// A ledger with one log per (start, state): each call is one answered inbound call to one extension.
    static func ledger(_ calls: [(start: Date, state: CallLogState)]) async throws -> SQLiteLedgerStore {
        let store = try SQLiteLedgerStore.inMemory()
        try await store.saveConnection(Self.connection)
        for (index, call) in calls.enumerated() {
            let session = TelephonySessionID("s-\(index)")
            let steps: [(PartyStatusCode, TimeInterval)] = [(.setup, 0), (.answered, 5), (.disconnected, 65)]
            let events = steps.enumerated().map { step, change in
                TelephonyEvent(
                    id: EventID("\(session)-\(step)"), accountID: "acc-1", sessionID: session, sequence: Int64(step + 1),
                    eventTime: call.start.addingTimeInterval(change.1),
                    parties: [
                        PartyUpdate(
                            partyID: "p-1", extensionID: "ext-1", direction: .inbound, from: CallEndpoint(phoneNumber: "+14155550123"),
                            to: CallEndpoint(phoneNumber: "+16505550100", extensionID: "ext-1"), status: change.0
                        )
                    ]
                )
            }
            _ = try await store.appendEvents(events, receivedAt: call.start)
            _ = try await store.foldPendingEvents(limit: 100, now: call.start.addingTimeInterval(70), makeID: { "log-\(index)" })
            var log = try #require(try await store.callLog(CallLogID("log-\(index)")))
            log.state = call.state
            try await store.saveCallLog(log)
        }
        return store
    }

    static func day(_ text: String) -> UTCDay { UTCDay(text)! }
    static func at(_ day: String, hour: Double) -> Date { Self.day(day).start.addingTimeInterval(hour * 3600) }

    static let failure = "hubspot.createCall failed (HTTP 503): Service Unavailable"

    @Test("fills the days without calls, totals the range and gives the share of loggable calls logged")
    func report() async throws {
        let store = try await Self.ledger([
            (Self.at("2026-03-01", hour: 9), .logged),
            (Self.at("2026-03-01", hour: 10), .logged),
            (Self.at("2026-03-01", hour: 11), .failed(reason: Self.failure, retryAt: nil)),
            (Self.at("2026-03-03", hour: 9), .logged),
            (Self.at("2026-03-03", hour: 10), .skipped(.tooShort)),
            (Self.at("2026-03-05", hour: 9), .logged),  // after the range
        ])
        let report = try await CoverageReport.build(store: store, since: Self.day("2026-02-28"), until: Self.day("2026-03-04"))
        #expect(report.days.map(\.date.description) == ["2026-02-28", "2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"])
        #expect(report.days.map(\.counts.total) == [0, 3, 0, 2, 0])
        #expect(report.days[1].counts.failureCodes == ["hubspot.createCall HTTP 503": 1])
        #expect(report.days[1].counts.loggedPercent == 66.7)
        #expect(report.days[0].counts.loggedPercent == nil)
        #expect(report.totals.total == 5)
        #expect(report.totals.logged == 3)
        #expect(report.totals.loggable == 4)
        #expect(report.totals.loggedPercent == 75)
        #expect(report.totals.skipReasons == ["too_short": 1])

        let text = report.text
        #expect(text.contains("2026-03-02"))
        #expect(text.contains("hubspot.createCall HTTP 503 ×1"))
        #expect(text.contains("Logged 3 of 4 loggable calls (75.0%)"))
    }

    @Test("without bounds it spans the first to the last day with calls")
    func openRange() async throws {
        let store = try await Self.ledger([(Self.at("2026-03-01", hour: 23.99), .logged), (Self.at("2026-03-03", hour: 0), .pending)])
        let report = try await CoverageReport.build(store: store, since: nil, until: nil)
        #expect(report.days.map(\.date.description) == ["2026-03-01", "2026-03-02", "2026-03-03"])
        #expect(report.days.map(\.counts.pending) == [0, 0, 1])
        #expect(try await CoverageReport.build(store: SQLiteLedgerStore.inMemory(), since: nil, until: nil).days.isEmpty)
    }

    @Test("JSON: each day is one flat object with its date, and the report reads back unchanged")
    func json() async throws {
        let store = try await Self.ledger([(Self.at("2026-03-01", hour: 9), .skipped(.unknownContact))])
        let report = try await CoverageReport.build(store: store, since: Self.day("2026-03-01"), until: Self.day("2026-03-01"))
        let data = try CallLogSummary.encoder.encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let day = try #require((object["days"] as? [[String: Any]])?.first)
        #expect(day["date"] as? String == "2026-03-01")
        #expect(day["skipped"] as? Int == 1)
        #expect(day["skipReasons"] as? [String: Int] == ["unknown_contact": 1])
        #expect(object["since"] as? String == "2026-03-01")
        #expect(try JSONDecoder().decode(CoverageReport.self, from: data) == report)
    }

    @Test("connections are listed without their credential")
    func connections() async throws {
        let store = try await Self.ledger([])
        let listed = try await ConnectionSummary.list(store: store)
        #expect(listed == [ConnectionSummary(Self.connection)])
        let json = String(decoding: try CallLogSummary.encoder.encode(listed), as: UTF8.self)
        #expect(json.contains("api.hubapi.com"))
        #expect(!json.lowercased().contains("credential"))
        #expect(!json.contains("BwcH"))  // base64 of the sealed bytes
    }
}

extension CallLogState {
    /// A state the coverage counts as pending.
    static let pending = CallLogState.waiting(.gracePeriod, until: nil)
}
