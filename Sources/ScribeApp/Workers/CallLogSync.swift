import Foundation
import Logging
import ScribeCore
import ScribeTelephony
import ServiceLifecycle

/// Reads the phone system's call log: at start-up to catch up on calls that ended while Callscribe
/// was down, then periodically to repair any webhook that never arrived. Records become events on
/// the same path as webhooks, deduplicated by id, so a call already logged is never logged again.
///
/// A sweep is an ISync with the sync token kept in the ledger, so a quiet sweep is one small request
/// and each record that appeared or changed since the last sweep comes back once. With no token yet,
/// or one RingCentral refuses (expired, reset, or more than 250 changes behind — ISync answers at
/// most 250), the sweep lists the call log by date from the last sweep instead, which has no cap,
/// and takes a fresh token with an FSync.
struct CallLogSync: Service {
    /// After a failed sweep: 2 s, doubling, at most a minute (RingCentral's advice for 5xx and lost connections).
    static let backoff = RetryPolicy(baseDelay: 2, maximumDelay: 60)

    /// The listing cursor: the start time (Unix seconds) a listing sweep reads from.
    static let cursorName = "ringcentral.call_log"
    /// The sync token the next ISync passes.
    static let tokenCursorName = "ringcentral.call_log.sync_token"
    /// Calls still in progress at one sweep are listed by a later one: each listing re-reads this much.
    static let overlap: TimeInterval = 3600
    /// RingCentral takes an FSync `dateFrom` of 30 days back at most; this stays clear of the edge
    /// (and of a few minutes' difference between the clocks).
    static let longestSyncFrame: TimeInterval = 30 * 86_400 - 3600

    let client: RingCentralClient
    let store: any LedgerStore
    let accountID: OneShot<AccountID>
    let effects: Effects
    let interval: TimeInterval
    let catchUpWindow: TimeInterval
    let folded: WorkSignal
    let sweepNow: WorkSignal
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            guard let accountID = try? await self.accountID.wait() else { return }
            var failures = 0
            while !Task.isCancelled {
                var wait = self.interval
                do {
                    let unheard = try await self.sweep(accountID)
                    if unheard > 0 { self.logger.info("call-log sync found calls no webhook told us about", metadata: ["calls": "\(unheard)"]) }
                    failures = 0
                } catch {
                    // A 5xx, timeout or lost connection is retried sooner than the next sweep; a rate limit no sooner than it allows.
                    failures += 1
                    wait = min(self.interval, Self.backoff.delay(afterFailures: failures))
                    if let error = error as? TelephonyError, case .rateLimited(let retryAfter) = error.kind { wait = max(wait, retryAfter) }
                    self.logger.warning("call-log sync failed", metadata: ["error": "\(error)", "retryIn": "\(Int(wait))s"])
                }
                await self.sweepNow.wait(timeout: .seconds(wait))
            }
        }
    }

    /// One pass: an ISync from the stored token, or, failing that, a listing since the cursor and a
    /// fresh token. Stores what is new; returns how many of the calls read the ledger had not heard of at all.
    func sweep(_ accountID: AccountID) async throws -> Int {
        let now = self.effects.now()
        if let token = try await self.store.cursor(Self.tokenCursorName) {
            do {
                let answer = try await self.client.syncCallLog(.incremental(syncToken: token))
                let outcome = try await self.importRecords(answer.records, accountID: accountID, now: now)
                try await self.store.setCursor(Self.tokenCursorName, to: answer.syncToken)
                try await self.advanceCursor(from: try await self.listingStart(now), now: now)
                return outcome.survey.newCalls.count
            } catch let error as TelephonyError where error.kind == .syncTokenRejected {
                self.logger.notice("call-log sync token refused; listing the call log since the last sweep", metadata: ["error": "\(error)"])
            }
        }
        return try await self.resynchronize(accountID, now: now)
    }

    /// A full pass: FSync for a fresh token, then the listing since the cursor (FSync alone would
    /// give only the newest 250 records). The token is taken first so that nothing that changes
    /// while the listing runs falls between the two, and stored last so that a failed listing is
    /// done again rather than skipped.
    private func resynchronize(_ accountID: AccountID, now: Date) async throws -> Int {
        let from = try await self.listingStart(now)
        let frame = max(from, now.addingTimeInterval(-Self.longestSyncFrame))
        let full = try await self.client.syncCallLog(.full(recordCount: CallLogSyncRequest.recordLimit, dateFrom: frame))
        let listed = try await self.client.callLog(from: from, to: now)
        // The FSync's records are mostly the listing's newest; each is imported once.
        var seen: Set<String> = []
        let records = (full.records + listed).filter { seen.insert($0.id).inserted }
        let outcome = try await self.importRecords(records, accountID: accountID, now: now)
        try await self.store.setCursor(Self.tokenCursorName, to: full.syncToken)
        try await self.advanceCursor(from: from, now: now)
        return outcome.survey.newCalls.count
    }

    /// Where a listing starts: the cursor, or the catch-up window on a fresh ledger.
    private func listingStart(_ now: Date) async throws -> Date {
        let cursor = try await self.store.cursor(Self.cursorName).flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
        return cursor ?? now.addingTimeInterval(-self.catchUpWindow)
    }

    private func advanceCursor(from: Date, now: Date) async throws {
        try await self.store.setCursor(Self.cursorName, to: String(max(from.timeIntervalSince1970, now.timeIntervalSince1970 - Self.overlap)))
    }

    private func importRecords(_ records: [CallLogRecord], accountID: AccountID, now: Date) async throws -> CallLogImport.Outcome {
        let outcome = try await CallLogImport(store: self.store).importRecords(records, accountID: accountID, receivedAt: now)
        if outcome.eventsStored > 0 { self.folded.signal() }
        return outcome
    }
}
