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
            while !Task.isCancelled {
                do {
                    let unheard = try await self.sweep(accountID)
                    if unheard > 0 { self.logger.info("call-log sync found calls no webhook told us about", metadata: ["calls": "\(unheard)"]) }
                } catch {
                    self.logger.warning("call-log sync failed", metadata: ["error": "\(error)"])
                }
                await self.sweepNow.wait(timeout: .seconds(self.interval))
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
