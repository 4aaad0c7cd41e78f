import Foundation
import Logging
import ScribeCore

/// Carries one call log from "observed" to its outcome and keeps its CRM record up to date:
/// policy, contact, compose, create, then (in incremental mode) updates as artifacts arrive.
///
/// The ledger is updated before the create (`createAttempted`, state `creating`) and with its
/// result, so a crash between the two is repaired on the next attempt by finding the record through
/// its marker. Updates read the record back first and never replace text a person wrote.
public struct CallLogWriter: Sendable {
    let store: any LedgerStore
    let connectors: ConnectorRegistry
    let contacts: ContactCache
    let settingsBook: SettingsBook
    /// The settings for the log being advanced: the book's answer for its extension (see ``run(_:)``).
    private(set) var settings: LoggingSettings
    let retryPolicy: RetryPolicy
    let defaultCountryCode: String
    let recordings: (any RecordingSource)?
    let effects: Effects
    let logger: Logger
    /// The round of jobs this run's create may share a batch request with, and this job's id in it (see ``run(_:in:)``).
    private(set) var batch: (round: CreateBatchRound, member: Int64)?

    public init(
        store: any LedgerStore, connectors: ConnectorRegistry, contacts: ContactCache, settings: SettingsBook, retryPolicy: RetryPolicy,
        defaultCountryCode: String, recordings: (any RecordingSource)? = nil, effects: Effects, logger: Logger
    ) {
        self.store = store
        self.connectors = connectors
        self.contacts = contacts
        self.settingsBook = settings
        self.settings = settings.server
        self.retryPolicy = retryPolicy
        self.defaultCountryCode = defaultCountryCode
        self.recordings = recordings
        self.effects = effects
        self.logger = logger
    }

    /// Runs one job: to completion (perhaps to run again at a deadline), failure with a retry time,
    /// or the dead-letter queue.
    public func run(_ job: Job) async throws {
        try await self.run(job, in: nil)
    }

    /// Runs one job of `round`: its create, if it makes one, goes in the round's batch request (on a CRM
    /// with a batch create); everything else is as in ``run(_:)``. The caller leaves the round once this returns.
    func run(_ job: Job, in round: CreateBatchRound?) async throws {
        var writer = self
        writer.batch = round.map { ($0, job.id) }
        try await writer.runJob(job)
    }

    private func runJob(_ job: Job) async throws {
        guard var log = try await self.store.callLog(job.callLogID) else {
            self.logger.error("job for a missing call log", metadata: ["job": "\(job.id)", "log": "\(job.callLogID)"])
            return
        }
        log.attempts = job.attempts
        do {
            // Each log follows the settings of the person who took the call, as they stand now.
            var writer = self
            writer.settings = try await self.settingsBook.settings(account: log.key.accountID, extension: log.key.extensionID)
            let runAgainAt = try await writer.advance(&log)
            log.updatedAt = self.effects.now()
            try await self.store.completeJob(job, log: log, runAgainAt: runAgainAt)
            self.logger.info(
                "call log advanced",
                metadata: ["log": "\(log.id)", "session": "\(log.key.sessionID)", "state": "\(log.state.name)", "note": "\(log.note ?? "")"]
            )
        } catch let error as ConnectorError {
            // `log` carries what this attempt got done before the failure (the contact, `createAttempted`),
            // so that a retry after a create the CRM accepted finds that record instead of making another.
            let now = self.effects.now()
            let retryAt: Date?
            if case .rateLimited(let retryAfter) = error.kind {
                // Turned away before being judged: not an attempt, and never out of attempts.
                retryAt = self.retryPolicy.nextAttemptAfterRateLimit(now: now, retryAfter: retryAfter, random: self.effects.random())
            } else {
                retryAt = error.isRetryable ? self.retryPolicy.nextAttempt(after: job.attempts, now: now, random: self.effects.random()) : nil
            }
            log.state = .failed(reason: error.description, retryAt: retryAt)
            log.record("Failed: \(error.description)" + (retryAt.map { "; next attempt at \($0.iso8601)" } ?? "; no more automatic attempts"), at: now)
            log.updatedAt = now
            self.logger.warning("CRM write failed", metadata: ["log": "\(log.id)", "error": "\(error)", "retryAt": "\(retryAt?.iso8601 ?? "never")"])
            try await self.store.failJob(job, log: log, error: error.description, runAt: retryAt, countsAsAttempt: !error.isRateLimited)
        }
    }

    /// One step forward on `log`; returns when to look at it again, if a deadline is waited for.
    private func advance(_ log: inout CallLog) async throws -> Date? {
        let now = self.effects.now()
        let byPerson = log.hasOpenRequest
        if case .skipped = log.state, !byPerson { return nil }
        // Events that came after the log was claimed (late or out of order) are in the call now.
        // A transfer or a conference joins calls into one conversation: the leg is the extension's part of all of it.
        let conversation = try await self.store.linkedCalls(of: log.key.sessionID)
        // A leg only ever moves from in progress to ended (a party that rings the extension again after
        // its leg ended does not reopen the log).
        if let leg = conversation.leg(of: log.key.extensionID, in: log.key.sessionID), !leg.inProgress || log.leg.inProgress { log.leg = leg }
        if CallLogPlanner.waitsForCallEnd(log.leg, settings: self.settings, byPerson: byPerson) {
            // The fold queues the log again when the call ends.
            if log.state != .waiting(.callEnd, until: nil) {
                log.state = .waiting(.callEnd, until: nil)
                log.record("Call in progress; the record is written when it ends.", at: now)
            }
            return nil
        }
        let connector = try self.connectors.connector(for: log.key.connectionID)

        if log.contact == nil {
            // Nil when the log stops here: skipped, or waiting for a person's choice.
            log.contact = try await self.resolveContact(&log, connector: connector, byPerson: byPerson, now: now)
        }
        guard let contact = log.contact else {
            // A person's request that cannot be carried out (no contact yet, no number) is closed with
            // the reason, so it is not taken up again by the next write and the person sees why.
            if byPerson {
                log.requestHandledAt = log.request?.requestedAt
                log.record("The request to log this call stops here: \(log.state.explanation)", at: now)
            }
            return nil
        }

        var content = try await self.store.content(session: log.key.sessionID, extension: log.key.extensionID)
        let pollAgainAt = try await self.fetchRecordingIfDue(log.leg, for: log.id, content: &content, now: now)
        let composer = CallLogComposer(format: self.settings.record, bodyFormat: connector.bodyFormat)
        var agent = self.connectors.agent(log.key.extensionID)
        agent?.crmOwner = try await self.crmOwner(of: log, connector: connector, now: now)
        var composed = composer.compose(log, contact: contact, content: content, agent: agent, journey: conversation.journey)
        // Custom-field values go only with the write that carries out the person's request.
        if byPerson, let fields = log.request?.customFields { composed.entry.customFields = fields }
        let shown = composed.artifactFingerprints
        let checklist = ArtifactChecklist.evaluate(leg: log.leg, content: content, settings: self.settings, shown: shown, written: log.written, now: now)
        log.artifacts = checklist

        let step = CallLogPlanner.nextStep(
            isCreated: log.crmRecordID != nil, checklist: checklist, mode: self.settings.mode, inProgress: log.leg.inProgress, byPerson: byPerson,
            setsFields: !composed.entry.customFields.isEmpty
        )
        // Only a create shares the round's batch request: any other step lets the batch go without waiting for it.
        if let batch = self.batch, step != .create { batch.round.leave(batch.member) }
        switch step {
        case .wait(let artifacts, let until):
            if log.state != .waiting(.artifacts, until: until) {
                log.state = .waiting(.artifacts, until: until)
                log.record("Waiting for \(artifacts.map(\.rawValue).joined(separator: ", ")) until \(until.iso8601).", at: now)
            }
            return [until, pollAgainAt].compactMap { $0 }.min()
        case .create:
            try await self.create(&log, composed: composed, checklist: checklist, connector: connector, now: now)
        case .update:
            try await self.update(&log, composed: composed, checklist: checklist, connector: connector, now: now)
        case .done:
            break
        }
        if byPerson { log.requestHandledAt = log.request?.requestedAt }
        log.artifacts = ArtifactChecklist.evaluate(leg: log.leg, content: content, settings: self.settings, shown: shown, written: log.written, now: now)
        // In incremental mode a recording still to come is fetched when due; everything else arrives by itself.
        guard self.settings.mode == .incremental, !log.leg.inProgress, case .pending = log.artifacts[.recording] else { return nil }
        return pollAgainAt
    }
}
