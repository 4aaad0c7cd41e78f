import Foundation
import Logging
import ScribeCore

extension CallLogWriter {
    /// Creates the CRM record, or adopts the one an earlier attempt created before the process died.
    func create(_ log: inout CallLog, composed: ComposedRecord, checklist: ArtifactChecklist, connector: any CRMConnector, now: Date) async throws {
        let entry = composed.entry
        if log.createAttempted, let existing = try await connector.findCallRecord(marker: log.id) {
            try await self.adopt(existing, &log, composed: composed, checklist: checklist, connector: connector, now: now)
            return
        }
        log.createAttempted = true
        log.state = .creating
        log.updatedAt = now
        // What this attempt sends, so that a retry adopting the record tells it from a person's edit.
        log.renderedHash = entry.snapshot.fingerprint
        // The claim before the side effect: a crash from here on is repaired through the marker.
        try await self.store.saveCallLog(log)
        let created: CreateBatchRound.BatchCreated
        do {
            created = try await self.createRecord(entry, on: log.key.connectionID, connector: connector)
        } catch {
            if let id = error.createdRecord { Self.keepUnfinished(id, in: &log, composed: composed, now: now) }
            throw error
        }
        log.crmRecordID = created.id
        // The deal a person chose is named in the same entry, so the log's note says both.
        let attached = entry.relatedRecord.map { ", attached to the \($0.kind.isEmpty ? "record" : $0.kind) \($0.name.isEmpty ? $0.id : $0.name)" } ?? ""
        let batched = created.requestSize > 1 ? " (one request created \(created.requestSize) records)" : ""
        log.record("Created the CRM record with \(Self.describe(composed.artifactFingerprints.keys))\(attached)\(Self.describeFields(entry))\(batched).", at: now)
        Self.markLogged(&log, wrote: entry, composed: composed)
    }

    /// The record exists, the rest of its write does not (Pipedrive's call log after its activity):
    /// kept, with its basics and disposition still to write, so that the retry completes this record
    /// by an update.
    static func keepUnfinished(_ id: CRMRecordID, in log: inout CallLog, composed: ComposedRecord, now: Date) {
        log.crmRecordID = id
        log.written = composed.artifactFingerprints.filter { $0.key != .basics && $0.key != .disposition }
        log.writtenInProgress = composed.entry.inProgress
        log.record("Created the CRM record \(id), but the rest of the write failed; a retry completes it.", at: now)
    }

    /// Takes on the record an earlier attempt created. It holds what that attempt sent, which may be
    /// less than there is now (notes typed since), so it is brought up to date as any record is, by
    /// ``update(_:composed:checklist:connector:now:)``, with nothing taken as written.
    private func adopt(
        _ existing: CRMRecordID, _ log: inout CallLog, composed: ComposedRecord, checklist: ArtifactChecklist, connector: any CRMConnector, now: Date
    ) async throws {
        log.crmRecordID = existing
        log.record("Found the record an earlier attempt created (\(existing)); not creating a second.", at: now)
        guard log.renderedHash != nil else {
            // A claim saved before `renderedHash` went with it: that attempt's text cannot be told from a
            // person's, so the record is taken as written.
            Self.markLogged(&log, wrote: composed.entry, composed: composed)
            return
        }
        log.written = [:]
        try await self.update(&log, composed: composed, checklist: checklist, connector: connector, now: now)
    }

    /// The create request itself: in the round's batch when the CRM has a batch create, else alone at once
    /// (leaving the round first, so that its other jobs' batch does not wait for this request).
    private func createRecord(
        _ entry: CallLogEntry, on connection: ConnectionID, connector: any CRMConnector
    ) async throws(ConnectorError) -> CreateBatchRound.BatchCreated {
        guard let batch = self.batch, connector.capabilities.batchCreateLimit > 1 else {
            if let batch = self.batch { batch.round.leave(batch.member) }
            return CreateBatchRound.BatchCreated(id: try await connector.createCallRecord(entry), requestSize: 1)
        }
        return try await batch.round.create(entry, on: connection, connector: connector, member: batch.member)
    }

    /// Brings the CRM record up to date. If a person edited it since our last write, their text
    /// stays: the new artifacts are added after it and the subject is theirs.
    func update(_ log: inout CallLog, composed: ComposedRecord, checklist: ArtifactChecklist, connector: any CRMConnector, now: Date) async throws {
        guard let recordID = log.crmRecordID else { return }
        let current: CallRecordSnapshot
        do {
            current = try await connector.readCallRecord(recordID)
        } catch {
            guard case .notFound = error.kind else { throw error }
            log.written = composed.artifactFingerprints
            log.state = .logged
            log.record("The CRM record \(recordID) was deleted in the CRM; not recreating it.", at: now)
            return
        }
        var entry = composed.entry
        let changed = checklist.ready
        // The disposition goes again only when what we would write changed: one chosen anew here, a
        // result that moved on, or the call's end after a write made while it lasted (even on an
        // edited record: the outcome was never written). One set in the CRM otherwise stays.
        // A record written while the call lasted still says so (status, length, outcome): the end is
        // written even where the text is the person's.
        let completesCall = log.writtenInProgress && !entry.inProgress
        let fingerprints = composed.artifactFingerprints
        entry.writesDisposition = fingerprints[.disposition] != log.written[.disposition]
            || (!log.personEdited && fingerprints[.basics] != log.written[.basics])
            || completesCall
        let resends = !entry.customFields.isEmpty || Self.sendsDisposition(entry, connector: connector) || completesCall
        if !log.personEdited, current == entry.snapshot {
            // An earlier attempt's write reached the CRM but not the ledger: ours, not a person's edit.
            if resends {
                try await connector.updateCallRecord(recordID, with: entry)
                log.record("Updated the CRM record\(Self.describeFields(entry))\(Self.describeDisposition(entry, connector: connector)).", at: now)
            } else {
                log.record("The CRM record already shows \(Self.describe(changed)) from an earlier attempt.", at: now)
            }
        } else if log.personEdited || current.fingerprint != log.renderedHash {
            if !log.personEdited { log.record("A person edited the record in the CRM; from now on Callscribe only adds to it.", at: now) }
            log.personEdited = true
            // Basics are theirs to correct once edited; only whole new artifacts are added, and not one
            // whose section the record already shows (an earlier attempt added it, unheard of by the ledger).
            let fresh = changed.subtracting([.basics]).filter { composed.artifactFingerprints[$0] != nil }
            let added = fresh.filter { !current.body.contains(connector.bodyFormat.render(composed.sections(of: [$0]))) }
            entry.subject = current.subject
            entry.body = connector.bodyFormat.appending(composed.sections(of: added), to: current.body)
            if added.isEmpty {
                // The person's text is sent back as it is when unread values (custom fields, the disposition) go with it.
                entry.body = current.body
                if resends { try await connector.updateCallRecord(recordID, with: entry) }
                let completed = completesCall ? "; the call's end written to it, the person's text kept" : ""
                log.record(
                    (fresh.isEmpty ? "Nothing new to add to the edited record" : "\(Self.describe(fresh)) already in the record from an earlier attempt")
                        + "\(Self.describeFields(entry))\(completed)\(Self.describeDisposition(entry, connector: connector)).", at: now
                )
            } else {
                try await connector.updateCallRecord(recordID, with: entry)
                log.record("Added \(Self.describe(added)) below the person's text\(Self.describeFields(entry)).", at: now)
            }
        } else {
            try await connector.updateCallRecord(recordID, with: entry)
            let what = changed.isEmpty ? "" : " with \(Self.describe(changed))"
            log.record("Updated the CRM record\(what)\(Self.describeFields(entry)).", at: now)
        }
        Self.markLogged(&log, wrote: entry, composed: composed)
    }

    /// The log once `entry` is in the CRM record: what it shows (to tell a person's later edit), every
    /// artifact of `composed` written, and whether the call was still going.
    static func markLogged(_ log: inout CallLog, wrote entry: CallLogEntry, composed: ComposedRecord) {
        log.renderedHash = entry.snapshot.fingerprint
        log.written = composed.artifactFingerprints
        log.writtenInProgress = entry.inProgress
        log.state = .logged
    }

    /// Asks the phone system for the recording once it should be ready; returns when to ask again
    /// if it is not there yet.
    func fetchRecordingIfDue(_ leg: CallLeg, for running: CallLogID, content: inout CallLogContent, now: Date) async throws -> Date? {
        guard let recordings = self.recordings, content.recording == nil, !leg.inProgress, !leg.recordingIDs.isEmpty,
            self.settings.record.logs(.recordingLink)
        else {
            return nil
        }
        let deadline = self.settings.timing.recordingDeadline(leg)
        guard now < deadline else { return nil }
        // Ready about as long after the call as the call lasted.
        let expected = leg.endedAt.addingTimeInterval(leg.duration)
        guard now >= expected else { return expected }
        do {
            if let link = try await recordings.recordingLink(for: leg) {
                content.recording = link
                // This log carries the link in the write it is making; the call's other logs are queued.
                try await self.store.saveRecording(link, session: leg.sessionID, now: now, except: running)
                return nil
            }
        } catch {
            self.logger.warning("recording look-up failed", metadata: ["session": "\(leg.sessionID)", "error": "\(error)"])
        }
        return min(deadline, now.addingTimeInterval(Self.recordingPollInterval))
    }

    static let recordingPollInterval: TimeInterval = 15

    static func describe(_ artifacts: some Sequence<Artifact>) -> String {
        artifacts.sorted().map(\.rawValue).joined(separator: ", ")
    }

    /// Whether `entry` sends a disposition to a CRM that has them. It is not read back, so it goes out
    /// even when the record already reads as it should (as custom values do: the same values, harmlessly).
    static func sendsDisposition(_ entry: CallLogEntry, connector: any CRMConnector) -> Bool {
        entry.writesDisposition && connector.capabilities.dispositions
    }

    /// ` (the disposition sent again: it cannot be read back)` when ``sendsDisposition(_:connector:)``.
    static func describeDisposition(_ entry: CallLogEntry, connector: any CRMConnector) -> String {
        Self.sendsDisposition(entry, connector: connector) ? " (the disposition sent again: it cannot be read back)" : ""
    }

    /// `; custom fields set: a, b` for an entry carrying a person's custom-field values, else empty.
    static func describeFields(_ entry: CallLogEntry) -> String {
        entry.customFields.isEmpty ? "" : "; custom fields set: " + entry.customFields.keys.sorted().joined(separator: ", ")
    }
}
