import Foundation
import ScribeCore

/// Recent contact look-ups per connection and number, reused for a lifetime so that a busy caller
/// costs one CRM search, not one per call. Misses are cached too: an unknown number stays unknown
/// for the same lifetime.
///
/// Look-ups are single-flight: while one search for a number is in flight, every other log asking
/// for the same number on the same connection waits for its answer instead of searching again, so
/// a backlog of calls from one number on a cold cache costs one search, not one per worker.
public actor ContactCache {
    private struct Key: Hashable {
        var connection: ConnectionID
        var number: PhoneNumber
    }

    /// A search in flight, and the generation of its key when it started.
    private struct Flight {
        var task: Task<Result<[Contact], ConnectorError>, Never>
        var generation: Int
    }

    private var entries: [Key: (contacts: [Contact], expiresAt: Date)] = [:]
    private var flights: [Key: Flight] = [:]
    /// Bumped by ``invalidate(_:on:)``, so that a search that started before is neither shared nor cached.
    private var generations: [Key: Int] = [:]
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date

    public init(lifetime: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.lifetime = lifetime
        self.now = now
    }

    /// The cached contacts, or the result of `lookUp` (or of the same number's search already in flight),
    /// which is then cached. A failed search is not cached: the next caller searches again.
    public func contacts(
        for number: PhoneNumber, on connection: ConnectionID, lookUp: @escaping @Sendable () async throws(ConnectorError) -> [Contact]
    ) async throws(ConnectorError) -> [Contact] {
        let key = Key(connection: connection, number: number)
        if let entry = self.entries[key], entry.expiresAt > self.now() { return entry.contacts }
        let generation = self.generations[key, default: 0]
        if let flight = self.flights[key], flight.generation == generation { return try await flight.task.value.get() }
        let task = Task { () async -> Result<[Contact], ConnectorError> in
            do throws(ConnectorError) {
                return .success(try await lookUp())
            } catch {
                return .failure(error)
            }
        }
        self.flights[key] = Flight(task: task, generation: generation)
        let result = await task.value
        if self.flights[key]?.generation == generation, self.generations[key, default: 0] == generation { self.flights[key] = nil }
        let contacts = try result.get()
        if self.lifetime > 0, self.generations[key, default: 0] == generation {
            let now = self.now()
            if self.entries.count > 50_000 { self.entries = self.entries.filter { $0.value.expiresAt > now } }
            self.entries[key] = (contacts, now.addingTimeInterval(self.lifetime))
        }
        return contacts
    }

    /// Forgets a number, e.g. when a cached contact turned out deleted, or a contact was created for it.
    public func invalidate(_ number: PhoneNumber, on connection: ConnectionID) {
        let key = Key(connection: connection, number: number)
        self.entries[key] = nil
        self.flights[key] = nil
        self.generations[key, default: 0] += 1
    }
}
