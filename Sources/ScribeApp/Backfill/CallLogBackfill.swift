import Foundation
import ScribeCore
import ScribeTelephony

/// Reads the phone system's call log over a range, page by page, and imports each page through
/// ``CallLogImport`` as it arrives: an interrupted backfill keeps what it stored, and running it
/// again only adds what is missing.
struct CallLogBackfill: Sendable {
    /// Retries of one request that RingCentral rate-limited: each waits as long as it says.
    static let rateLimitRetries = 5
    /// Retries of one request that failed for want of RingCentral (unreachable, 5xx), after 1, 2 and 4 s:
    /// a wrong address should fail within seconds, not minutes.
    static let outageRetries = 3

    let client: RingCentralClient
    let store: any LedgerStore
    let now: @Sendable () -> Date
    let pageSize: Int
    /// Waits so many seconds; injected so that tests need not.
    let sleep: @Sendable (Double) async throws -> Void

    /// Reads `from..<to` and imports (or, on a dry run, only surveys) each page as it comes.
    func run(from: Date, to: Date, dryRun: Bool, progress: @Sendable (BackfillProgress) -> Void) async throws -> BackfillReport {
        var status = BackfillProgress()
        let accountID = try await self.patiently(status: &status, progress: progress) { () async throws(TelephonyError) in
            try await self.client.accountID()
        }
        let importer = CallLogImport(store: self.store)
        var calls: Set<TelephonySessionID> = []
        var newCalls: Set<TelephonySessionID> = []
        var eventsStored = 0
        var page = 1
        while true {
            let answer = try await self.patiently(status: &status, progress: progress) { [page] () async throws(TelephonyError) in
                try await self.client.callLogPage(from: from, to: to, page: page, perPage: self.pageSize)
            }
            let survey: CallLogImport.Survey
            if dryRun {
                survey = try await importer.survey(answer.records, accountID: accountID)
            } else {
                let outcome = try await importer.importRecords(answer.records, accountID: accountID, receivedAt: self.now())
                survey = outcome.survey
                eventsStored += outcome.eventsStored
            }
            // A call split over two pages counts once; in a real run it is known by the second page.
            calls.formUnion(survey.calls)
            newCalls.formUnion(survey.newCalls)
            status.pagesRead = page
            status.recordsRead += answer.records.count
            status.callsFound = calls.count
            status.newCalls = newCalls.count
            let oldest = answer.records.compactMap(\.startDate).min()
            status.fractionDone = answer.hasNextPage ? max(status.fractionDone, Self.fraction(reaching: oldest, from: from, to: to)) : 1
            progress(status)
            guard answer.hasNextPage else { break }
            page += 1
        }
        return BackfillReport(
            from: from, to: to, dryRun: dryRun, pagesRead: status.pagesRead, recordsRead: status.recordsRead, callsFound: calls.count,
            newCalls: newCalls.count, eventsStored: eventsStored
        )
    }

    /// Runs a request, again after a rate limit (waiting as long as RingCentral says: an early retry
    /// restarts its penalty) or an outage (backing off), telling `progress` while it waits.
    private func patiently<Answer>(
        status: inout BackfillProgress, progress: @Sendable (BackfillProgress) -> Void, _ request: () async throws(TelephonyError) -> Answer
    ) async throws -> Answer {
        var attempt = 0
        while true {
            do throws(TelephonyError) {
                return try await request()
            } catch {
                attempt += 1
                let wait: Double
                switch error.kind {
                case .rateLimited(let retryAfter) where attempt <= Self.rateLimitRetries: wait = max(retryAfter, 1)
                case .transient where attempt <= Self.outageRetries: wait = Double(1 << (attempt - 1))
                default: throw error
                }
                status.waitingSeconds = wait
                status.rateLimited = if case .rateLimited = error.kind { true } else { false }
                progress(status)
                try await self.sleep(wait)
                status.waitingSeconds = nil
                status.rateLimited = false
            }
        }
    }

    /// How much of `from..<to` lies after `oldest`: RingCentral lists newest first.
    static func fraction(reaching oldest: Date?, from: Date, to: Date) -> Double {
        guard let oldest, to > from else { return 0 }
        return min(1, max(0, to.timeIntervalSince(oldest) / to.timeIntervalSince(from)))
    }
}
