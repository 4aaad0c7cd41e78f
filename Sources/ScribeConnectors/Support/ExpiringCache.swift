import Foundation
import ScribeCore

/// One value read from a CRM and reused for a lifetime: a portal's dispositions change when its admin
/// edits them, rarely, while every call record written needs them. A failed read is not kept, so the
/// next caller asks the CRM again. Shared by the copies of the connector that holds it (one per connection).
public actor ExpiringCache<Value: Sendable> {
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date
    private var value: Value?
    private var readAt: Date = .distantPast

    public init(lifetime: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }) {
        self.lifetime = lifetime
        self.now = now
    }

    /// The cached value while it is fresh, else what `read` returns (then cached).
    public func value(read: @Sendable () async throws(ConnectorError) -> Value) async throws(ConnectorError) -> Value {
        let now = self.now()
        if let value, now.timeIntervalSince(self.readAt) < self.lifetime { return value }
        let fresh = try await read()
        self.value = fresh
        self.readAt = now
        return fresh
    }
}
