import Foundation
import ScribeCore
import ScribeTelephony

/// Brings call-log records into the ledger on the path webhooks take: each record becomes the
/// telephony events it stands for (``CallLogRecord/telephonyEvents(accountID:)``), stored
/// deduplicated by event id, then folded and logged by the workers like any delivery. The periodic
/// sweep (``CallLogSync``) and the backfill both go through here, so a call is never imported twice.
struct CallLogImport: Sendable {
    /// What a batch of records holds, measured against the ledger before anything is stored.
    struct Survey: Sendable {
        var events: [TelephonyEvent]
        /// The calls (telephony sessions) the records stand for; records we cannot log add none.
        var calls: Set<TelephonySessionID>
        /// Those of `calls` the ledger has not heard of at all, by webhook or by an earlier import.
        var newCalls: Set<TelephonySessionID>
    }

    /// What storing a batch did.
    struct Outcome: Sendable {
        var survey: Survey
        var eventsStored: Int
    }

    let store: any LedgerStore

    /// The calls in `records` and which are new, without storing anything (a dry run).
    func survey(_ records: [CallLogRecord], accountID: AccountID) async throws -> Survey {
        let events = records.flatMap { $0.telephonyEvents(accountID: accountID) }
        let calls = Set(events.map(\.sessionID))
        let known = calls.isEmpty ? [] : try await self.store.knownSessions(calls)
        return Survey(events: events, calls: calls, newCalls: calls.subtracting(known))
    }

    /// Stores the events `records` stand for; events stored before (by an earlier sweep or backfill) are ignored.
    func importRecords(_ records: [CallLogRecord], accountID: AccountID, receivedAt: Date) async throws -> Outcome {
        let survey = try await self.survey(records, accountID: accountID)
        let outcomes = survey.events.isEmpty ? [] : try await self.store.appendEvents(survey.events, receivedAt: receivedAt)
        return Outcome(survey: survey, eventsStored: outcomes.count { $0 == .stored })
    }
}
