import Foundation
import ScribeCore
import Synchronization

/// The `state` values of RingCentral sign-ins in progress: each random, tied to the admin's session,
/// good once and for ten minutes, so a callback cannot be forged or replayed into another session.
final class ConnectStateBook: Sendable {
    private struct Pending {
        var sessionHash: String
        var expiresAt: Date
    }

    static let lifetime: TimeInterval = 600
    private let pending = Mutex([String: Pending]())

    /// A new state for the session whose token hashes to `sessionHash`.
    func issue(for sessionHash: String, now: Date) -> String {
        let state = SecureToken.make()
        self.pending.withLock { pending in
            pending = pending.filter { $0.value.expiresAt > now }
            pending[state] = Pending(sessionHash: sessionHash, expiresAt: now.addingTimeInterval(Self.lifetime))
        }
        return state
    }

    /// Whether `state` was issued to this session and is still good; it is spent either way.
    func consume(_ state: String, sessionHash: String, now: Date) -> Bool {
        guard let issued = self.pending.withLock({ $0.removeValue(forKey: state) }) else { return false }
        return issued.expiresAt > now && ConstantTime.equals(issued.sessionHash, sessionHash)
    }
}
