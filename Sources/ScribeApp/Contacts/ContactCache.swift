import Foundation
import ScribeCore

/// Recent contact look-ups per connection and number, reused for a lifetime so that a busy caller
/// costs one CRM search, not one per call. Misses are cached too: an unknown number stays unknown
/// for the same lifetime.
public actor ContactCache {
    private struct Key: Hashable {
        var connection: ConnectionID
        var number: PhoneNumber
    }

    private var entries: [Key: (contacts: [Contact], expiresAt: Date)] = [:]
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date

    public init(lifetime: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.lifetime = lifetime
        self.now = now
    }

    /// The cached contacts, or the result of `lookUp`, which is then cached.
    public func contacts(
        for number: PhoneNumber, on connection: ConnectionID, lookUp: @Sendable () async throws(ConnectorError) -> [Contact]
    ) async throws(ConnectorError) -> [Contact] {
        let key = Key(connection: connection, number: number)
        let now = self.now()
        if let entry = self.entries[key], entry.expiresAt > now { return entry.contacts }
        let contacts = try await lookUp()
        if self.lifetime > 0 {
            if self.entries.count > 50_000 { self.entries = self.entries.filter { $0.value.expiresAt > now } }
            self.entries[key] = (contacts, now.addingTimeInterval(self.lifetime))
        }
        return contacts
    }

    /// Forgets a number, e.g. when a cached contact turned out deleted.
    public func invalidate(_ number: PhoneNumber, on connection: ConnectionID) {
        self.entries[Key(connection: connection, number: number)] = nil
    }
}
