import Foundation
import Logging
import ScribeCore
import ServiceLifecycle

/// Runs the outbox: leases due jobs and writes their call logs to the CRM, several at once.
///
/// Under a backlog on a CRM with a batch create (HubSpot), it leases as many due jobs as one batch
/// request takes and runs them as one ``CreateBatchRound``, so that their creates share requests;
/// with one job due, that job is written alone at once, as without batching.
struct LogWorker: Service {
    let store: any LedgerStore
    let writer: CallLogWriter
    let effects: Effects
    let wake: WorkSignal
    /// Fulfilled once start-up has registered the CRM connectors; jobs left from before a restart
    /// must not run (and fail for want of a connector) before then.
    let ready: OneShot<AccountID>
    /// While paused, no new jobs are leased.
    let gate: WriteGate
    let concurrency: Int
    let lease: TimeInterval
    let logger: Logger

    /// Stops at a graceful shutdown once the jobs it is running are done: a write cut off halfway would
    /// keep its lease, and the next server would wait for it to lapse before logging that call.
    func run() async throws {
        // Shut down before start-up finished: nothing to do.
        guard (try? await cancelWhenGracefulShutdown({ try await self.ready.wait() })) != nil else { return }
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            if self.gate.isPaused {
                try? await Task.sleep(for: .milliseconds(10))
                continue
            }
            let limit = max(self.concurrency, self.writer.connectors.largestBatchCreateLimit)
            let claimed = await self.runDueJobs(limit: limit)
            if claimed == limit { continue }
            let wait = await self.idleWait()
            try? await cancelWhenGracefulShutdown { await self.wake.wait(timeout: wait) }
        }
    }

    /// Leases up to `limit` jobs and runs them as one round; returns how many it leased.
    private func runDueJobs(limit: Int) async -> Int {
        let now = self.effects.now()
        let jobs: [Job]
        do {
            jobs = try await self.store.claimJobs(limit: limit, now: now, leaseUntil: now.addingTimeInterval(self.lease))
        } catch {
            self.logger.error("claiming jobs failed", metadata: ["error": "\(error)"])
            return 0
        }
        await Self.run(jobs, writer: self.writer, logger: self.logger)
        return jobs.count
    }

    /// Runs `jobs` at once as one ``CreateBatchRound``: the creates among them share batch requests.
    static func run(_ jobs: [Job], writer: CallLogWriter, logger: Logger) async {
        let round = CreateBatchRound(members: jobs.map(\.id))
        await withTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask {
                    do {
                        try await writer.run(job, in: round)
                    } catch {
                        // The ledger itself failed; the lease lapses and the job runs again.
                        logger.error("job failed in the ledger", metadata: ["job": "\(job.id)", "error": "\(error)"])
                    }
                    // Finished without a create (or after it): the round's batch no longer waits for this job.
                    round.leave(job.id)
                }
            }
        }
    }

    /// Until the next job is due, at most a second.
    private func idleWait() async -> Duration {
        guard let due = try? await self.store.nextJobDue() else { return .seconds(1) }
        let seconds = min(1, max(0.005, due.timeIntervalSince(self.effects.now())))
        return .milliseconds(Int(seconds * 1000))
    }
}
