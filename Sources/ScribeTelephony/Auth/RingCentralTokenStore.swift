import Foundation
import Synchronization

/// Where the authorization-code grant's token pair lives, shared by every process using the same
/// ledger (the server and CLI commands such as `backfill`).
///
/// Refresh tokens are single-use, so the store is a compare-and-swap: a new pair replaces the one
/// whose refresh token bought it, never a newer one another process stored meanwhile.
public protocol RingCentralTokenStore: Sendable {
    /// The stored pair, if RingCentral has been connected.
    func load() async throws -> RingCentralTokenPair?

    /// Stores `pair` if the stored pair's refresh token is still `replacing` (nil: no pair stored).
    /// False, storing nothing, when another pair has taken its place.
    func store(_ pair: RingCentralTokenPair, replacing: String?) async throws -> Bool

    /// Claims the right to spend `refreshToken` until `until`, so that no other process sends it too.
    /// False when it is no longer the stored one or another claim has not lapsed at `now`.
    func claimRefresh(of refreshToken: String, until: Date, now: Date) async throws -> Bool
}

/// A token store in memory, for one process (tests, or a server with no ledger to share).
public final class InMemoryRingCentralTokenStore: RingCentralTokenStore {
    private struct State {
        var pair: RingCentralTokenPair?
        var claimedUntil: Date?
    }

    private let state: Mutex<State>

    public init(_ pair: RingCentralTokenPair? = nil) {
        self.state = Mutex(State(pair: pair))
    }

    public func load() async throws -> RingCentralTokenPair? {
        self.state.withLock { $0.pair }
    }

    public func store(_ pair: RingCentralTokenPair, replacing: String?) async throws -> Bool {
        self.state.withLock { state in
            guard state.pair?.refreshToken == replacing else { return false }
            state.pair = pair
            state.claimedUntil = nil
            return true
        }
    }

    public func claimRefresh(of refreshToken: String, until: Date, now: Date) async throws -> Bool {
        self.state.withLock { state in
            guard state.pair?.refreshToken == refreshToken, (state.claimedUntil ?? .distantPast) <= now else { return false }
            state.claimedUntil = until
            return true
        }
    }
}
