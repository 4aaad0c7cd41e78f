import Foundation
import ScribeCore

/// Each connection's custom fields, read from the CRM at most once per ``lifetime``: the log form asks
/// for them on every page view and every manual log checks against them, while a CRM admin adds a
/// field rarely. A failed read is not kept, so the next request asks the CRM again.
actor CustomFieldCatalogue {
    private struct Entry {
        var fields: [CustomField]
        var readAt: Date
    }

    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date
    private var entries: [ConnectionID: Entry] = [:]

    init(lifetime: TimeInterval = 300, now: @escaping @Sendable () -> Date) {
        self.lifetime = lifetime
        self.now = now
    }

    /// The fields of `connection`, from the cache or from `read`.
    func fields(of connection: ConnectionID, read: @Sendable () async throws(ConnectorError) -> [CustomField]) async throws(ConnectorError) -> [CustomField] {
        let now = self.now()
        if let entry = self.entries[connection], now.timeIntervalSince(entry.readAt) < self.lifetime { return entry.fields }
        let fields = try await read()
        self.entries[connection] = Entry(fields: fields, readAt: now)
        return fields
    }
}
