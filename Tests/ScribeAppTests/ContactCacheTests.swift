import Foundation
import ScribeApp
import ScribeCore
import Synchronization
import Testing

@Suite("ContactCache")
struct ContactCacheTests {
    static let number = PhoneNumber(parsing: "+14155550123")!
    static let jane = Contact(id: "c-1", name: "Jane Doe", phoneNumbers: ["+14155550123"])
    static let connection: ConnectionID = "hubspot"

    /// A look-up that counts its calls and answers `[jane]`, or throws while `failing` is set.
    final class LookUp: Sendable {
        private let state = Mutex((count: 0, failing: false))
        var count: Int { self.state.withLock { $0.count } }
        func fail(_ failing: Bool) { self.state.withLock { $0.failing = failing } }

        func callAsFunction() throws(ConnectorError) -> [Contact] {
            let failing = self.state.withLock { state in
                state.count += 1
                return state.failing
            }
            if failing { throw ConnectorError(.transient, operation: "test.findContacts", message: "unreachable") }
            return [ContactCacheTests.jane]
        }
    }

    func contacts(_ cache: ContactCache, _ lookUp: LookUp, number: PhoneNumber = Self.number) async throws(ConnectorError) -> [Contact] {
        try await cache.contacts(for: number, on: Self.connection) { () async throws(ConnectorError) -> [Contact] in try lookUp() }
    }

    @Test("reuses a look-up within its lifetime and looks up again after it")
    func lifetime() async throws {
        let clock = TestClock()
        let cache = ContactCache(lifetime: 600, now: clock.read)
        let lookUp = LookUp()
        #expect(try await self.contacts(cache, lookUp) == [Self.jane])
        clock.advance(by: 599)
        #expect(try await self.contacts(cache, lookUp) == [Self.jane])
        #expect(lookUp.count == 1)
        clock.advance(by: 1)
        #expect(try await self.contacts(cache, lookUp) == [Self.jane])
        #expect(lookUp.count == 2)
    }

    @Test("keeps numbers and connections apart")
    func keyedByNumberAndConnection() async throws {
        let cache = ContactCache(lifetime: 600, now: TestClock().read)
        let lookUp = LookUp()
        _ = try await self.contacts(cache, lookUp)
        _ = try await self.contacts(cache, lookUp, number: PhoneNumber(parsing: "+442079460000")!)
        _ = try await cache.contacts(for: Self.number, on: "salesforce") { () async throws(ConnectorError) -> [Contact] in try lookUp() }
        #expect(lookUp.count == 3)
    }

    @Test("a lifetime of 0 never caches")
    func zeroLifetime() async throws {
        let cache = ContactCache(lifetime: 0, now: TestClock().read)
        let lookUp = LookUp()
        for _ in 1...3 { _ = try await self.contacts(cache, lookUp) }
        #expect(lookUp.count == 3)
    }

    @Test("invalidating a number forces a new look-up")
    func invalidate() async throws {
        let cache = ContactCache(lifetime: 600, now: TestClock().read)
        let lookUp = LookUp()
        _ = try await self.contacts(cache, lookUp)
        await cache.invalidate(Self.number, on: Self.connection)
        _ = try await self.contacts(cache, lookUp)
        _ = try await self.contacts(cache, lookUp)
        #expect(lookUp.count == 2)
    }

    @Test("a failed look-up is not cached")
    func failureNotCached() async throws {
        let cache = ContactCache(lifetime: 600, now: TestClock().read)
        let lookUp = LookUp()
        lookUp.fail(true)
        await #expect(throws: ConnectorError.self) { try await self.contacts(cache, lookUp) }
        lookUp.fail(false)
        #expect(try await self.contacts(cache, lookUp) == [Self.jane])
        #expect(lookUp.count == 2)
    }

    @Test("an unknown number is cached as unknown for the lifetime")
    func missesAreCached() async throws {
        let cache = ContactCache(lifetime: 600, now: TestClock().read)
        let count = Mutex(0)
        for _ in 1...2 {
            let found = try await cache.contacts(for: Self.number, on: Self.connection) { () async throws(ConnectorError) -> [Contact] in
                count.withLock { $0 += 1 }
                return []
            }
            #expect(found.isEmpty)
        }
        #expect(count.withLock { $0 } == 1)
    }
}
