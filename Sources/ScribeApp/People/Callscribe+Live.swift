import Foundation
import ScribeCore

extension Callscribe {
    /// Calls `user` is on right now (every extension's, for an admin), newest first. A call whose
    /// events stopped hours ago without an end is not shown: its end was lost and the call-log sync
    /// will settle it.
    public func liveCalls(for user: User) async throws -> [LiveCall] {
        let since = self.effects.now().addingTimeInterval(-4 * 3600)
        return try await self.store.calls(of: user.accountID, changedSince: since)
            .flatMap(\.liveCalls)
            .filter { user.isAdmin || $0.extensionID == user.extensionID }
            .sorted { ($0.startedAt, $0.sessionID) > ($1.startedAt, $1.sessionID) }
    }

    /// When anything in `user`'s account last changed: pages refresh when this moves.
    public func latestChange(for user: User) async throws -> Date? {
        try await self.store.latestChange(of: user.accountID)
    }
}
