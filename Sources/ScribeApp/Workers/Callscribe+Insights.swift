import Foundation
import Logging
import ScribeCore

extension Callscribe {
    /// Saves a call's AI insights from RingSense and wakes the log worker for the writes they
    /// queued. The store ignores a repeat or an older version, so at-least-once delivery is harmless.
    func saveInsights(_ event: InsightsEvent) async throws -> WebhookReceipt.Status {
        let saved = try await self.store.recordInsights(event.insights, session: event.sessionID, now: self.effects.now())
        if !saved.queued.isEmpty { self.logsClaimed.signal() }
        self.logger.info(
            "AI insights received",
            metadata: ["session": "\(event.sessionID)", "event": "\(event.id)", "changed": "\(saved.changed)", "logsQueued": "\(saved.queued.count)"]
        )
        return saved.changed ? .stored : .duplicate
    }
}
