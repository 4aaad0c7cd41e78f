import Foundation
import ScribeCore
import ScribeStore
import Testing

/// Sessions joined by a party that moved between them (`Gone` with a `peerId`).
@Suite("SQLiteLedgerStore linked calls")
struct LedgerCallLinkTests {
    typealias L = Ledger

    /// Alice's party of `s-consult`, gone to `peer` at 80 s, with Bob still on the call.
    static func consultation(peer: TelephonySessionID) -> [TelephonyEvent] {
        let bob = L.party("p-bob", "ext-102", .answered)
        var aliceGone = L.party("p-alice2", "ext-101", .gone, reason: "AttendedTransfer")
        aliceGone.peerSessionID = peer
        return [
            TelephonyEvent(id: "k-1", accountID: L.account, sessionID: "s-consult", sequence: 1, eventTime: L.at(30), parties: [L.party("p-alice2", "ext-101", .answered), bob]),
            TelephonyEvent(id: "k-2", accountID: L.account, sessionID: "s-consult", sequence: 2, eventTime: L.at(80), parties: [aliceGone]),
        ]
    }

    @Test("a party gone to another session links the two both ways, and only those", arguments: StoreKind.allCases)
    func linksBothWays(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            _ = try await store.appendEvents(L.answeredCall("s-customer", talkTime: 100), receivedAt: L.at(1))
            _ = try await store.appendEvents(Self.consultation(peer: "s-customer"), receivedAt: L.at(1))
            _ = try await store.appendEvents(L.answeredCall("s-other"), receivedAt: L.at(1))
            _ = try await store.foldPendingEvents(limit: 100, now: L.at(200), makeID: IDSequence().makeID)
            #expect(try await store.linkedCalls(of: "s-customer").calls.map(\.sessionID).sorted() == ["s-consult", "s-customer"])
            #expect(try await store.linkedCalls(of: "s-consult").calls.map(\.sessionID).sorted() == ["s-consult", "s-customer"])
            #expect(try await store.linkedCalls(of: "s-other").calls.map(\.sessionID) == ["s-other"])
            #expect(try await store.linkedCalls(of: "s-unknown").calls.isEmpty)
        }
    }

    @Test("a link made after a log was written queues that log again, so it can tell the whole conversation", arguments: StoreKind.allCases)
    func newLinkRequeues(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveConnection(L.connection)
            _ = try await store.appendEvents(L.answeredCall("s-customer", talkTime: 100), receivedAt: L.at(110))
            _ = try await store.foldPendingEvents(limit: 100, now: L.at(110), makeID: IDSequence().makeID)
            let first = try await store.claimJobs(limit: 10, now: L.at(110), leaseUntil: L.at(140))
            #expect(first.count == 1)
            for job in first { try await store.completeJob(job, log: try #require(try await store.callLog(job.callLogID))) }
            #expect(try await store.claimJobs(limit: 10, now: L.at(120), leaseUntil: L.at(150)).isEmpty)

            _ = try await store.appendEvents(Self.consultation(peer: "s-customer"), receivedAt: L.at(120))
            let report = try await store.foldPendingEvents(limit: 100, now: L.at(120), makeID: IDSequence("late").makeID)
            #expect(report.logsRequeued >= 1)
            let again = try await store.claimJobs(limit: 10, now: L.at(120), leaseUntil: L.at(150))
            let customerLogs = try await store.callLogs(CallLogQuery()).filter { $0.key.sessionID == "s-customer" }.map(\.id)
            #expect(Set(again.map(\.callLogID)).isSuperset(of: customerLogs), "the customer call's log is due again")
        }
    }
}
