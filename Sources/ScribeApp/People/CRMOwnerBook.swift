import Foundation
import ScribeCore

/// Each connection's CRM users, read at most once per ``lifetime``, to map an agent to the CRM user
/// with the same email when no admin mapped them explicitly. A failed read is not kept.
actor CRMOwnerBook {
    private struct Entry {
        var users: [CRMUser]
        var readAt: Date
    }

    private let lifetime: TimeInterval
    private var entries: [ConnectionID: Entry] = [:]

    init(lifetime: TimeInterval = 600) {
        self.lifetime = lifetime
    }

    /// The users of `connection`, from the cache or from `connector`; empty when the CRM cannot list them.
    func users(of connection: ConnectionID, connector: any CRMConnector, now: Date) async throws(ConnectorError) -> [CRMUser] {
        guard connector.capabilities.owners else { return [] }
        if let entry = self.entries[connection], now.timeIntervalSince(entry.readAt) < self.lifetime { return entry.users }
        let users = try await connector.users()
        self.entries[connection] = Entry(users: users, readAt: now)
        return users
    }
}
