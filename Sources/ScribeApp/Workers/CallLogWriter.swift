import Foundation
import Logging
import ScribeCore

/// Carries one call log from "observed" to its outcome: policy, contact, compose, CRM write.
///
/// The ledger is updated before the side effect (state `creating`) and with its result, so a crash
/// between the two is repaired on the next attempt by finding the record through its marker.
public struct CallLogWriter: Sendable {
    let store: any LedgerStore
    let connectors: ConnectorRegistry
    let contacts: ContactCache
    let policy: LoggingPolicy
    let retryPolicy: RetryPolicy
    let defaultCountryCode: String
    let effects: Effects
    let logger: Logger

    public init(
        store: any LedgerStore, connectors: ConnectorRegistry, contacts: ContactCache, policy: LoggingPolicy, retryPolicy: RetryPolicy,
        defaultCountryCode: String, effects: Effects, logger: Logger
    ) {
        self.store = store
        self.connectors = connectors
        self.contacts = contacts
        self.policy = policy
        self.retryPolicy = retryPolicy
        self.defaultCountryCode = defaultCountryCode
        self.effects = effects
        self.logger = logger
    }

    /// Runs one job to completion, failure with a retry time, or the dead-letter queue.
    public func run(_ job: Job) async throws {
        guard var log = try await self.store.callLog(job.callLogID) else {
            self.logger.error("job for a missing call log", metadata: ["job": "\(job.id)", "log": "\(job.callLogID)"])
            return
        }
        log.attempts = job.attempts
        do {
            log = try await self.advance(log)
            log.updatedAt = self.effects.now()
            try await self.store.completeJob(job, log: log)
            self.logger.info(
                "\(log.state == .logged ? "logged" : "not logged")",
                metadata: ["log": "\(log.id)", "session": "\(log.key.sessionID)", "outcome": "\(log.state.explanation)", "note": "\(log.note ?? "")"]
            )
        } catch let error as ConnectorError {
            let now = self.effects.now()
            let retryAfter: TimeInterval? = if case .rateLimited(let after) = error.kind { after } else { nil }
            let retryAt = error.isRetryable
                ? self.retryPolicy.nextAttempt(after: job.attempts, now: now, hint: retryAfter, random: self.effects.random()) : nil
            // Keep `creating` out of the visible state: the marker search on the next attempt does not depend on it.
            log.state = .failed(reason: error.description, retryAt: retryAt)
            log.updatedAt = now
            self.logger.warning("CRM write failed", metadata: ["log": "\(log.id)", "error": "\(error)", "retryAt": "\(retryAt?.iso8601 ?? "never")"])
            try await self.store.failJob(job, log: log, error: error.description, runAt: retryAt)
        }
    }

    private func advance(_ log: CallLog) async throws -> CallLog {
        var log = log
        switch log.state {
        case .logged, .skipped: return log
        case .observed, .waiting, .creating, .failed: break
        }
        // Events that came after the log was claimed (late or out of order) are in the call now.
        if let call = try await self.store.call(log.key.sessionID), let leg = call.endedLegs.first(where: { $0.extensionID == log.key.extensionID }) {
            log.leg = leg
        }
        let decision = self.policy.decide(log.leg, defaultCountryCode: self.defaultCountryCode)
        guard case .lookUpContact(let number) = decision else {
            if case .skip(let reason) = decision { log.state = .skipped(reason) }
            return log
        }
        let connector = try self.connectors.connector(for: log.key.connectionID)
        let found = try await self.contacts.contacts(for: number, on: log.key.connectionID) { () async throws(ConnectorError) in
            try await connector.findContacts(matching: number)
        }
        guard case .contact(let contact, let reason) = self.policy.choose(among: found) else {  // TODO(session): other choices
            log.state = .skipped(.unknownContact)
            log.note = "No contact has \(number.e164)."
            return log
        }
        log.contact = contact
        log.note = "Matched \(contact.name): \(reason)."
        let agent = self.connectors.extensionName(log.key.extensionID).map { AgentIdentity(name: $0, extensionNumber: nil) }
        let composer = CallLogComposer(format: RecordFormat(), bodyFormat: connector.bodyFormat)
        let entry = composer.compose(log, contact: contact, content: CallLogContent(), agent: agent, journey: []).entry
        let hadClaim = log.crmRecordID == nil && log.attempts > 1
        if hadClaim, let existing = try await connector.findCallRecord(marker: log.id) {
            // A previous attempt created the record but died before the ledger heard of it.
            log.crmRecordID = existing
            log.note? += " Found the record an earlier attempt created."
        } else {
            log.state = .creating
            log.updatedAt = self.effects.now()
            try await self.store.saveCallLog(log)
            log.crmRecordID = try await connector.createCallRecord(entry)
        }
        log.renderedHash = entry.snapshot.fingerprint
        log.state = .logged
        return log
    }
}
