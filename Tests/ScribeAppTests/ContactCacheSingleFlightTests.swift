import Foundation
import ScribeApp
import ScribeCore
import Synchronization
import Testing

/// Concurrent look-ups of one number on a cold cache share one CRM search.
@Suite("ContactCache single-flight")
struct ContactCacheSingleFlightTests {
    static let number = PhoneNumber(parsing: "+14155550123")!
    static let jane = Contact(id: "c-1", name: "Jane Doe")

    /// A search that counts itself and answers only once released.
    final class HeldSearch: Sendable {
        let count = Mutex(0)
        private let released = Mutex(false)

        func release() { self.released.withLock { $0 = true } }

        func run() async throws(ConnectorError) -> [Contact] {
            self.count.withLock { $0 += 1 }
            while !self.released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(2)) }
            return [ContactCacheSingleFlightTests.jane]
        }
    }

    @Test("twenty workers asking for one number at once cost one search, and all get its answer")
    func sharesSearch() async throws {
        let cache = ContactCache(lifetime: 600, now: { Date(timeIntervalSince1970: 1_800_000_000) })
        let search = HeldSearch()
        let found = try await withThrowingTaskGroup(of: [Contact].self) { group in
            for _ in 1...20 {
                group.addTask { try await cache.contacts(for: Self.number, on: "hubspot") { () async throws(ConnectorError) in try await search.run() } }
            }
            // Let every worker reach the cache while the first search is held.
            try await Task.sleep(for: .milliseconds(100))
            search.release()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(found.count == 20)
        #expect(found.allSatisfy { $0 == [Self.jane] })
        #expect(search.count.withLock { $0 } == 1)
    }

    @Test("a search started before the number was invalidated is not shared with a later caller")
    func invalidationStartsAfresh() async throws {
        let cache = ContactCache(lifetime: 600, now: { Date(timeIntervalSince1970: 1_800_000_000) })
        let held = HeldSearch()
        let first = Task { try await cache.contacts(for: Self.number, on: "hubspot") { () async throws(ConnectorError) in try await held.run() } }
        while held.count.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(2)) }
        await cache.invalidate(Self.number, on: "hubspot")
        let fresh = Mutex(0)
        let second = try await cache.contacts(for: Self.number, on: "hubspot") { () async throws(ConnectorError) in
            fresh.withLock { $0 += 1 }
            return []
        }
        held.release()
        #expect(try await first.value == [Self.jane])
        #expect(second.isEmpty)
        #expect(fresh.withLock { $0 } == 1)
        // The older answer did not overwrite the fresh one in the cache.
        let cached = try await cache.contacts(for: Self.number, on: "hubspot") { () async throws(ConnectorError) in [Self.jane, Self.jane] }
        #expect(cached.isEmpty)
    }
}
