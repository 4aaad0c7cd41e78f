import Foundation
import Logging
import ScribeCore
import ServiceLifecycle

/// Folds stored telephony events into calls and claims the logs they call for, in batches.
struct FoldWorker: Service {
    let store: any LedgerStore
    let effects: Effects
    let wake: WorkSignal
    let logsClaimed: WorkSignal
    /// Fulfilled once the account's CRM connections are stored.
    let ready: OneShot<AccountID>
    let batchSize: Int
    /// How long a claimed log waits before it is written, for events still on their way.
    let gracePeriod: TimeInterval
    let logger: Logger

    func run() async throws {
        // Calls are only folded once the account's CRM connections are known, or they would get no logs.
        try await cancelWhenGracefulShutdown {
            guard (try? await self.ready.wait()) != nil else { return }
            while !Task.isCancelled {
                do {
                    let report = try await self.store.foldPendingEvents(
                        limit: self.batchSize, now: self.effects.now(), writeAfter: self.gracePeriod, makeID: self.effects.makeID
                    )
                    if report.logsClaimed + report.logsRequeued > 0 { self.logsClaimed.signal() }
                    if report.eventsFolded == self.batchSize { continue }
                } catch {
                    self.logger.error("folding events failed", metadata: ["error": "\(error)"])
                }
                await self.wake.wait(timeout: .seconds(1))
            }
        }
    }
}
