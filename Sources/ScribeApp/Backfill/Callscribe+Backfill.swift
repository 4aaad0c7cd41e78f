import Foundation
import ScribeCore
import ScribeTelephony

extension Callscribe {
    /// Imports the calls of the phone system's call log that started on the UTC days `since`
    /// through `until` (today when nil; never past now) as telephony events, so that the running
    /// server's workers fold them and log them like calls heard by webhook. Calls already in the
    /// ledger are not imported again. A dry run only counts the calls found and how many are new.
    ///
    /// Needs the phone system but none of the services: the command line runs it without a server.
    public func backfill(
        since: UTCDay, until: UTCDay?, dryRun: Bool, pageSize: Int = 1000, progress: @Sendable (BackfillProgress) -> Void = { _ in }
    ) async throws -> BackfillReport {
        let now = self.effects.now()
        if let until, until < since { throw BackfillError.invalidRange("the range starts on \(since), after it ends on \(until)") }
        let from = since.start
        guard from < now else { throw BackfillError.invalidRange("\(since) has not begun yet; the call log holds only calls that have happened") }
        guard (1...1000).contains(pageSize) else { throw BackfillError.invalidPageSize(pageSize) }
        let to = min(until?.next.start ?? now, now)
        let backfill = CallLogBackfill(
            client: self.ringCentral, store: self.store, now: self.effects.now, pageSize: pageSize,
            sleep: { seconds in try await Task.sleep(for: .milliseconds(Int(seconds * 1000))) }
        )
        let report = try await backfill.run(from: from, to: to, dryRun: dryRun, progress: progress)
        // In a serving process the fold worker starts at once; elsewhere the signal has no listener.
        if report.eventsStored > 0 { self.eventsStored.signal() }
        return report
    }
}
