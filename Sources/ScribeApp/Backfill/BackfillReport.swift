import Foundation
import ScribeCore

/// What a backfill read from the phone system's call log and what it did with it.
public struct BackfillReport: Codable, Sendable, Hashable {
    /// The calls that started in `from..<to` were read.
    public var from: Date
    public var to: Date
    /// Nothing was stored.
    public var dryRun: Bool
    public var pagesRead: Int
    public var recordsRead: Int
    /// Distinct calls in the records (records that cannot be logged, such as faxes, count for none).
    public var callsFound: Int
    /// Of those, the calls the ledger had not heard of before this backfill.
    public var newCalls: Int
    /// Telephony events stored; 0 on a dry run, and 0 when everything was already in the ledger.
    public var eventsStored: Int

    /// The report in a sentence or two.
    public var text: String {
        let range = "\(self.from.iso8601) to \(self.to.iso8601)"
        let pages = self.pagesRead == 1 ? "1 page" : "\(self.pagesRead) pages"
        let found = "Read \(self.recordsRead) call-log records (\(pages)) from \(range): \(self.callsFound) calls, \(self.newCalls) not yet in the ledger."
        if self.dryRun { return found + "\nDry run: nothing was stored." }
        if self.eventsStored == 0 { return found + "\nNothing new to store." }
        return found
            + "\nStored \(self.eventsStored) events. A running `callscribe serve` folds them into calls and logs them"
            + " (start it if it is not running); `callscribe calls list --unlogged` shows what is still to do."
    }
}
