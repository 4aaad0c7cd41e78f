import Foundation
import Logging
import ScribeCore
import ServiceLifecycle

/// Runs the outbox: leases due jobs and writes their call logs to the CRM, several at once.
struct LogWorker: Service {
    let store: any LedgerStore
    let writer: CallLogWriter
    let effects: Effects
    let wake: WorkSignal
    /// Fulfilled once start-up has registered the CRM connectors; jobs left from before a restart
    /// must not run (and fail for want of a connector) before then.
    let ready: OneShot<AccountID>
    let concurrency: Int
    let lease: TimeInterval
    let logger: Logger

    /// Stops at a graceful shutdown once the jobs it is running are done: a write cut off halfway would
    /// keep its lease, and the next server would wait for it to lapse before logging that call.
    func run() async throws {
        // Shut down before start-up finished: nothing to do.
        guard (try? await cancelWhenGracefulShutdown({ try await self.ready.wait() })) != nil else { return }
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let claimed = await self.runDueJobs()
            if claimed == self.concurrency { continue }
            let wait = await self.idleWait()
            try? await cancelWhenGracefulShutdown { await self.wake.wait(timeout: wait) }
        }
    }

    /// Leases up to `concurrency` jobs and runs them; returns how many it leased.
    private func runDueJobs() async -> Int {
        let now = self.effects.now()
        let jobs: [Job]
        do {
            jobs = try await self.store.claimJobs(limit: self.concurrency, now: now, leaseUntil: now.addingTimeInterval(self.lease))
        } catch {
            self.logger.error("claiming jobs failed", metadata: ["error": "\(error)"])
            return 0
        }
        await withTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask {
                    do {
                        try await self.writer.run(job)
                    } catch {
                        // The ledger itself failed; the lease lapses and the job runs again.
                        self.logger.error("job failed in the ledger", metadata: ["job": "\(job.id)", "error": "\(error)"])
                    }
                }
            }
        }
        return jobs.count
    }

    /// Until the next job is due, at most a second.
    private func idleWait() async -> Duration {
        guard let due = try? await self.store.nextJobDue() else { return .seconds(1) }
        let seconds = min(1, max(0.005, due.timeIntervalSince(self.effects.now())))
        return .milliseconds(Int(seconds * 1000))
    }
}
