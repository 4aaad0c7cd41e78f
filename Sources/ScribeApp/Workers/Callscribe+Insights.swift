import Foundation
import Logging
import ScribeCore

extension Callscribe {
    /// Saves a call's AI insights from RingSense and wakes the log worker for the writes they
    /// queued. The store ignores a repeat or an older version, so at-least-once delivery is harmless.
    func saveInsights(_ event: InsightsEvent) async throws -> WebhookReceipt.Status {
        // Media is per call, so any extension reads the stored insights; only for the answer's label.
        let current = try await self.store.content(session: event.sessionID, extension: ExtensionID("")).insights
        let changes = current.map { $0.isReplaced(by: event.insights) } ?? true
        let queued = try await self.store.saveInsights(event.insights, session: event.sessionID, now: self.effects.now())
        if !queued.isEmpty { self.logsClaimed.signal() }
        self.logger.info(
            "AI insights received",
            metadata: ["session": "\(event.sessionID)", "event": "\(event.id)", "changed": "\(changes)", "logsQueued": "\(queued.count)"]
        )
        return changes ? .stored : .duplicate
    }
}
