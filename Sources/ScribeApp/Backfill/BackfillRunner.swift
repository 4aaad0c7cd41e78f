import Foundation
import ScribeCore

/// A backfill an admin started from the web app, run in the background one at a time, with its
/// progress for the page's progress bar.
public actor BackfillRunner {
    /// What the page shows.
    public struct Status: Codable, Sendable, Hashable {
        public enum State: String, Codable, Sendable {
            case idle, running, done, failed
        }

        public var state: State
        /// 0…1.
        public var fraction: Double
        public var message: String
        public var report: BackfillReport?
    }

    private var status = Status(state: .idle, fraction: 0, message: "No backfill has run since the server started.", report: nil)
    private var task: Task<Void, Never>?

    public init() {}

    public func current() -> Status { self.status }

    /// Starts `run` unless a backfill is running already.
    func start(_ run: @escaping @Sendable (@escaping @Sendable (BackfillProgress) -> Void) async throws -> BackfillReport) throws(PeopleError) {
        guard self.status.state != .running else { throw .conflict("a backfill is running already; wait for it to finish") }
        self.status = Status(state: .running, fraction: 0, message: "Reading the call log…", report: nil)
        self.task = Task {
            do {
                let report = try await run { progress in Task { await self.update(progress) } }
                self.finish(Status(state: .done, fraction: 1, message: report.text, report: report))
            } catch {
                self.finish(Status(state: .failed, fraction: self.status.fraction, message: "\(error)", report: nil))
            }
        }
    }

    private func update(_ progress: BackfillProgress) {
        guard self.status.state == .running else { return }
        self.status.fraction = progress.fractionDone
        self.status.message = "Read \(progress.recordsRead) call-log records on \(progress.pagesRead) pages; \(progress.newCalls) of \(progress.callsFound) calls are new."
    }

    private func finish(_ status: Status) {
        self.status = status
    }
}

extension Callscribe {
    /// Starts a backfill of `since` through `until` in the background (admins); ``BackfillRunner/current()`` follows it.
    public func startBackfill(since: UTCDay, until: UTCDay?, as user: User) async throws {
        try self.requireAdmin(user)
        if let until, until < since { throw PeopleError.invalidField("until", "must not be before since") }
        guard since.start < self.effects.now() else { throw PeopleError.invalidField("since", "\(since) has not begun yet") }
        try await self.backfills.start { progress in
            try await self.backfill(since: since, until: until, dryRun: false, progress: progress)
        }
    }
}
