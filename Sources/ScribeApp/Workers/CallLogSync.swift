import Foundation
import Logging
import ScribeCore
import ScribeTelephony
import ServiceLifecycle

/// Reads the phone system's call log: at start-up to catch up on calls that ended while Callscribe
/// was down, then periodically to repair any webhook that never arrived. Records become events on
/// the same path as webhooks, deduplicated by id, so a call already logged is never logged again.
struct CallLogSync: Service {
    static let cursorName = "ringcentral.call_log"
    /// Calls still in progress at one sweep are listed by a later one: each sweep re-reads this much.
    static let overlap: TimeInterval = 3600

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
                    // A 5xx, timeout or lost connection is retried sooner than the next sweep: 2 s, doubling,
                    // at most a minute (RingCentral's advice); a rate limit no sooner than it allows.
                    failures += 1
                    wait = min(self.interval, min(60, pow(2, Double(min(failures, 6)))))
                    if let error = error as? TelephonyError, case .rateLimited(let retryAfter) = error.kind { wait = max(wait, retryAfter) }
                    self.logger.warning("call-log sync failed", metadata: ["error": "\(error)", "retryIn": "\(Int(wait))s"])
                }
                await self.sweepNow.wait(timeout: .seconds(wait))
            }
        }
    }

    /// One pass: lists the call log since the cursor and stores what is new. Returns how many of the
    /// calls listed the ledger had not heard of at all.
    func sweep(_ accountID: AccountID) async throws -> Int {
        let now = self.effects.now()
        let cursor = try await self.store.cursor(Self.cursorName).flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
        let from = cursor ?? now.addingTimeInterval(-self.catchUpWindow)
        let records = try await self.client.callLog(from: from, to: now)
        let outcome = try await CallLogImport(store: self.store).importRecords(records, accountID: accountID, receivedAt: now)
        if outcome.eventsStored > 0 { self.folded.signal() }
        try await self.store.setCursor(Self.cursorName, to: String(max(from.timeIntervalSince1970, now.timeIntervalSince1970 - Self.overlap)))
        return outcome.survey.newCalls.count
    }
}
