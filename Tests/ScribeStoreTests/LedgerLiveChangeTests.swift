import Foundation
import ScribeCore
import ScribeStore
import Testing

/// What pages showing calls in progress ask: the account's recently changed calls, and when anything last changed.
@Suite("SQLiteLedgerStore recent changes")
struct LedgerLiveChangeTests {
    typealias L = Ledger

    /// Folds `events` at `offset` seconds after t0.
    func fold(_ store: SQLiteLedgerStore, _ events: [TelephonyEvent], at offset: TimeInterval, ids: IDSequence) async throws {
        _ = try await store.appendEvents(events, receivedAt: L.at(offset))
        _ = try await store.foldPendingEvents(limit: 100, now: L.at(offset), makeID: ids.makeID)
    }

    @Test("lists the account's calls changed at or after a time, most recently changed first", arguments: StoreKind.allCases)
    func changedSince(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            let ids = IDSequence()
            try await self.fold(store, L.answeredCall("s-1"), at: 100, ids: ids)
            try await self.fold(store, L.answeredCall("s-2", start: 400), at: 500, ids: ids)
            try await self.fold(store, L.answeredCall("s-3", account: "acc-2", start: 500), at: 600, ids: ids)

            #expect(try await store.calls(of: L.account, changedSince: L.at(100)).map(\.sessionID) == ["s-2", "s-1"])
            #expect(try await store.calls(of: L.account, changedSince: L.at(101)).map(\.sessionID) == ["s-2"])
            #expect(try await store.calls(of: L.account, changedSince: L.at(501)).isEmpty)
            #expect(try await store.calls(of: "acc-2", changedSince: L.t0).map(\.sessionID) == ["s-3"])
            #expect(try await store.calls(of: "acc-404", changedSince: L.t0).isEmpty)

            // A call still ringing is there too, and is live.
            let ringing = Array(L.answeredCall("s-4", start: 700).prefix(2))
            try await self.fold(store, ringing, at: 702, ids: ids)
            let changed = try await store.calls(of: L.account, changedSince: L.at(700))
            #expect(changed.map(\.sessionID) == ["s-4"])
            #expect(changed.first?.liveCalls.map(\.extensionID) == ["ext-101"])

            // A new event for an old call brings it back to the top.
            _ = try await store.appendEvents([L.answeredCall("s-1")[0].with(id: "s-1-late", sequence: 9)], receivedAt: L.at(800))
            _ = try await store.foldPendingEvents(limit: 100, now: L.at(800), makeID: ids.makeID)
            #expect(try await store.calls(of: L.account, changedSince: L.at(700)).map(\.sessionID) == ["s-1", "s-4"])
        }
    }

    @Test("the latest change is the newest of the account's calls and call logs", arguments: StoreKind.allCases)
    func latestChange(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            #expect(try await store.latestChange(of: L.account) == nil)
            try await store.saveConnection(L.connection)
            let ids = IDSequence()
            try await self.fold(store, L.answeredCall("s-1"), at: 100, ids: ids)
            #expect(try await store.latestChange(of: L.account) == L.at(100))

            // The writer saves the log later: that is a change.
            var log = try #require(try await store.callLog("log-1"))
            log.state = .logged
            log.updatedAt = L.at(300)
            try await store.saveCallLog(log)
            #expect(try await store.latestChange(of: L.account) == L.at(300))

            // Another account's changes do not count.
            try await self.fold(store, L.answeredCall("s-2", account: "acc-2"), at: 900, ids: ids)
            #expect(try await store.latestChange(of: L.account) == L.at(300))
            #expect(try await store.latestChange(of: "acc-2") == L.at(900))

            // A call folded after the log's save moves it on.
            try await self.fold(store, L.answeredCall("s-3", start: 400), at: 1000, ids: ids)
            #expect(try await store.latestChange(of: L.account) == L.at(1000))
        }
    }
}

extension TelephonyEvent {
    /// This event under another id and sequence: a later delivery about the same party.
    func with(id: String, sequence: Int64) -> TelephonyEvent {
        var event = self
        event.id = EventID(id)
        event.sequence = sequence
        return event
    }
}
