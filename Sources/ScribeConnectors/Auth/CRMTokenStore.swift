import Foundation
import Synchronization

/// Where a CRM connection's current token pair is kept, so a restart (or another process sharing
/// the ledger) uses the pair the last refresh bought rather than a refresh token already spent.
public protocol CRMTokenStore: Sendable {
    /// The stored pair, or nil before the first refresh.
    func load() async throws -> CRMTokenPair?

    /// Stores `pair` if the stored pair's refresh token is still `replacing` (nil: none stored).
    /// False, storing nothing, when another pair has taken its place.
    func store(_ pair: CRMTokenPair, replacing: String?) async throws -> Bool
}

/// A token store in memory, for one process (tests, or a connection with nothing to share it with).
public final class InMemoryCRMTokenStore: CRMTokenStore {
    private let pair: Mutex<CRMTokenPair?>

    public init(_ pair: CRMTokenPair? = nil) {
        self.pair = Mutex(pair)
    }

    public func load() async throws -> CRMTokenPair? {
        self.pair.withLock { $0 }
    }

    public func store(_ pair: CRMTokenPair, replacing: String?) async throws -> Bool {
        self.pair.withLock { stored in
            guard stored?.refreshToken == replacing else { return false }
            stored = pair
            return true
        }
    }
}
