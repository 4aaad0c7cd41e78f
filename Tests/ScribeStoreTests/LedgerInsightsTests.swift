import Foundation
import ScribeCore
import ScribeStore
import Testing

/// AI insights arrive by webhook, at least once and perhaps in two versions (AI Notes, then
/// RingSense): only a change is saved and queues writes.
@Suite("SQLiteLedgerStore AI insights")
struct LedgerInsightsTests {
    typealias L = Ledger
    let content = LedgerContentTests()

    static let notes = CallInsights(summary: "Wants a quote", transcript: nil, eventID: "ev-notes", producedAt: L.at(300))
    static let ringSense = CallInsights(summary: "Wants a renewal quote by Friday", transcript: "Jane: Hello", eventID: "ev-rs", producedAt: L.at(400))

    @Test("the same delivery again, or the same text in another, saves nothing and queues nothing", arguments: StoreKind.allCases)
    func repeatIsNoOp(kind: StoreKind) async throws {
        try await self.content.withTwoCalls(kind) { store async throws in
            #expect(try await store.saveInsights(Self.ringSense, session: "s-1", now: L.at(500)) == ["log-1", "log-2"])
            #expect(try await self.content.due(store, at: 500) == ["log-1", "log-2"])

            #expect(try await store.recordInsights(Self.ringSense, session: "s-1", now: L.at(510)) == InsightsSave(changed: false, queued: []))
            var sameText = Self.ringSense
            sameText.eventID = "ev-other"
            sameText.producedAt = L.at(450)
            #expect(try await store.saveInsights(sameText, session: "s-1", now: L.at(520)).isEmpty)
            #expect(try await store.nextJobDue() == nil, "nothing queued by a repeat")
            #expect(try await store.content(session: "s-1", extension: "ext-101").insights == Self.ringSense)
        }
    }

    @Test("a later version replaces an earlier one; an earlier one arriving late is ignored", arguments: StoreKind.allCases)
    func laterWins(kind: StoreKind) async throws {
        try await self.content.withTwoCalls(kind) { store async throws in
            #expect(try await store.recordInsights(Self.notes, session: "s-2", now: L.at(500)) == InsightsSave(changed: true, queued: ["log-3"]))
            #expect(try await store.saveInsights(Self.ringSense, session: "s-2", now: L.at(510)) == ["log-3"])
            #expect(try await self.content.due(store, at: 510) == ["log-3"])
            #expect(try await store.content(session: "s-2", extension: "ext-101").insights == Self.ringSense)

            #expect(try await store.saveInsights(Self.notes, session: "s-2", now: L.at(520)).isEmpty, "AI Notes redelivered late")
            #expect(try await store.nextJobDue() == nil)
            #expect(try await store.content(session: "s-2", extension: "ext-101").insights == Self.ringSense)
        }
    }
}
