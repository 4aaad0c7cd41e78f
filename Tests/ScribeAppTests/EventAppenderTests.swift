import Foundation
@testable import ScribeApp
import ScribeCore
import ScribeStore
import Testing

/// Group commit of webhook events: many concurrent deliveries, each answered with its own outcome.
@Suite("EventAppender")
struct EventAppenderTests {
    static func event(_ id: String, session: String = "s-1", sequence: Int64 = 1) -> TelephonyEvent {
        TelephonyEvent(
            id: EventID(id), accountID: "acct", sessionID: TelephonySessionID(session), sequence: sequence,
            eventTime: Date(timeIntervalSince1970: 1_800_000_000),
            parties: [
                PartyUpdate(
                    partyID: "p-1", extensionID: "ext-1", direction: .inbound, from: CallEndpoint(phoneNumber: "+14155550123"),
                    to: CallEndpoint(phoneNumber: "+16505550201"), status: .setup
                )
            ]
        )
    }

    @Test("concurrent appends are all stored, and each duplicate is told it is one")
    func concurrentAppends() async throws {
        let store = try SQLiteLedgerStore.inMemory()
        let appender = EventAppender(store: store, now: { Date(timeIntervalSince1970: 1_800_000_000) })
        // 60 deliveries of 40 distinct events: ids 0..<40, then 0..<20 again.
        let ids = (0..<40).map { "e-\($0)" } + (0..<20).map { "e-\($0)" }
        let outcomes = try await withThrowingTaskGroup(of: (String, AppendOutcome).self) { group in
            for (index, id) in ids.enumerated() {
                group.addTask { (id, try await appender.append(Self.event(id, session: "s-\(index % 40)", sequence: Int64(index)))) }
            }
            return try await group.reduce(into: [String: [AppendOutcome]]()) { $0[$1.0, default: []].append($1.1) }
        }
        for index in 0..<40 {
            let expected: [AppendOutcome] = index < 20 ? [.stored, .duplicate] : [.stored]
            #expect(outcomes["e-\(index)"]?.sorted { $0.rawValue > $1.rawValue } == expected, "e-\(index)")
        }
        let report = try await store.foldPendingEvents(limit: 1000, now: Date(timeIntervalSince1970: 1_800_000_000), makeID: { "log" })
        #expect(report.eventsFolded == 40)
    }

    @Test("when the ledger fails, every waiting delivery gets the error and none is acknowledged")
    func failuresReachEveryWaiter() async throws {
        let store = FaultyLedgerStore(try SQLiteLedgerStore.inMemory(), fault: .everyAppend)
        let appender = EventAppender(store: store, now: { Date(timeIntervalSince1970: 1_800_000_000) })
        let failures = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<10 {
                group.addTask {
                    do {
                        _ = try await appender.append(Self.event("e-\(index)"))
                        return false
                    } catch {
                        return error is FaultyLedgerStore.Failure
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(failures == 10)
    }
}
