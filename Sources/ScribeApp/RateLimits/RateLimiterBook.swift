import Foundation
import ScribeCore
import Synchronization

/// The one ``ConnectionRateLimiter`` of each CRM connection, made on first use, so the connectors
/// built for the workers, the log form and the connection check all share their connection's budget.
final class RateLimiterBook: Sendable {
    private let settings: RateLimitSettings
    private let now: @Sendable () -> Date
    private let limiters = Mutex<[ConnectionID: ConnectionRateLimiter]>([:])

    init(settings: RateLimitSettings, now: @escaping @Sendable () -> Date) {
        self.settings = settings
        self.now = now
    }

    /// `connector` behind its connection's budget, or as it is when its kind's limit is off.
    func limited(_ connector: any CRMConnector, for connection: ConnectionID, kind: CRMSettings.Kind) -> any CRMConnector {
        guard let limit = self.settings.limit(for: kind) else { return connector }
        return RateLimitedConnector(connector, limiter: self.limiter(for: connection, limit: limit))
    }

    /// The connection's limiter with `limit`, for connectors that admit each HTTP request themselves
    /// (a connector file's operation may send several).
    func limiter(for connection: ConnectionID, limit: RateLimit) -> ConnectionRateLimiter {
        self.limiters.withLock { limiters in
            if let known = limiters[connection] { return known }
            let made = ConnectionRateLimiter(limit: limit, maximumWait: self.settings.maximumWait, now: self.now)
            limiters[connection] = made
            return made
        }
    }
}
