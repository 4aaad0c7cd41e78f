import Foundation
import ScribeCore

/// A person's requests about one call log (log it by hand, run it again), carried out on the
/// ledger alone: the request is stored and the log's job queued, and whichever server's writer
/// leases the job next carries it out. The running server (``Callscribe``) and the command line,
/// which has no workers of its own, share these rules.
public struct CallRequests: Sendable {
    let store: any LedgerStore
    /// The mode of the person who took the call: all-at-once records are never edited, so a logged
    /// call cannot be logged again by hand.
    let settings: SettingsBook
    let now: @Sendable () -> Date

    public init(store: any LedgerStore, settings: SettingsBook, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.settings = settings
        self.now = now
    }

    /// Lists a contact's related records (open deals), to check a person's choice against.
    public typealias RelatedRecordLister = @Sendable (CallLog, ContactID) async throws -> [RelatedRecord]
    /// Lists the custom fields of the CRM a log is written to, to check a person's values against.
    public typealias CustomFieldLister = @Sendable (CallLog) async throws -> [CustomField]

    /// Logs a call by hand: notes, subject, disposition, the contact to log against and the deal to
    /// attach the record to. A call already in the CRM has its record updated, never a second one
    /// created; its deal cannot change.
    ///
    /// - Parameters:
    ///   - relatedRecords: checks the chosen deal when the contact is known now (chosen, or matched
    ///     earlier). Without it or without a contact yet, the id is kept as given and the CRM refuses
    ///     an unknown one when the record is created.
    ///   - customFields: the CRM's custom fields, to check and normalise the values against. Custom
    ///     values are refused without it: nothing unchecked reaches the CRM.
    public func logManually(
        _ id: CallLogID, _ manual: ManualLog, by requester: Requester, relatedRecords: RelatedRecordLister? = nil,
        customFields: CustomFieldLister? = nil
    ) async throws -> CallLog {
        let log = try await self.callLog(id, for: requester)
        let (input, contact) = try manual.validated()
        let contactName = try manual.validatedContactName()
        let fieldValues = try await self.customFieldValues(manual, log: log, lister: customFields)
        let related = try await self.relatedRecord(manual, log: log, contact: contact, lister: relatedRecords)
        let mode = try await self.settings.settings(account: log.key.accountID, extension: log.key.extensionID).mode
        if log.crmRecordID != nil, mode == .allAtOnce {
            throw PeopleError.conflict("this call is already in the CRM and records are never edited in all-at-once mode")
        }
        if log.crmRecordID != nil, let contact, contact != .existing(log.contact?.id ?? "") {
            throw PeopleError.conflict("this call is already logged against \(log.contact?.name ?? "a contact"); its contact cannot change")
        }
        let now = self.now()
        let notes = input.notes.map { AgentNotes(text: $0, isFinal: true, updatedAt: now) }
        try await self.store.saveAgentInput(
            AgentInput(sessionID: log.key.sessionID, extensionID: log.key.extensionID, notes: notes, subject: input.subject, disposition: input.disposition),
            now: now
        )
        // Custom values belong to this request only: a later request without them does not send them
        // again over what someone may have changed in the CRM since.
        let request = PersonRequest(
            requestedAt: now, contact: contact ?? log.request?.contact, relatedRecord: related ?? log.request?.relatedRecord,
            // A request that keeps the earlier contact keeps the name the person saw for it too.
            customFields: fieldValues.isEmpty ? nil : fieldValues, contactName: contact == nil ? log.request?.contactName : contactName
        )
        try await self.store.requestLog(id, request, now: now)
        return try await self.store.callLog(id) ?? log
    }

    /// The person's custom-field values, checked and normalised against the CRM's fields.
    private func customFieldValues(_ manual: ManualLog, log: CallLog, lister: CustomFieldLister?) async throws -> [String: String] {
        guard let values = manual.customFields, !values.isEmpty else { return [:] }
        guard values.count <= ManualLog.maximumCustomFields else {
            throw PeopleError.invalidField("customFields", "at most \(ManualLog.maximumCustomFields) fields at once")
        }
        guard let lister else { throw PeopleError.invalidField("customFields", "the CRM's fields cannot be checked here") }
        do {
            return try CustomField.normalise(values, against: try await lister(log))
        } catch let problem as CustomField.ValueProblem {
            throw PeopleError.invalidField("customFields.\(problem.field)", problem.description)
        }
    }

    /// The deal the person chose, as the CRM lists it when the contact is known now; only its id when not.
    private func relatedRecord(_ manual: ManualLog, log: CallLog, contact: ContactRequest?, lister: RelatedRecordLister?) async throws -> RelatedRecord? {
        guard let chosen = try manual.validatedRelatedRecordID() else { return nil }
        if log.crmRecordID != nil {
            // The association is made on create only: changing it would need a CRM-specific un-association.
            if let kept = log.request?.relatedRecord, kept.id == chosen { return kept }
            throw PeopleError.conflict("the CRM record for this call already exists; its deal cannot change")
        }
        let contactID: ContactID?
        switch contact {
        case .existing(let id): contactID = id
        // A contact created for this call has no deals yet.
        case .create: throw PeopleError.invalidField("relatedRecordId", "a new contact has no deals to attach the call to")
        case nil: contactID = log.contact?.id ?? log.request?.contact.flatMap { if case .existing(let id) = $0 { id } else { nil } }
        }
        guard let lister, let contactID else { return RelatedRecord(id: chosen, kind: "", name: "") }
        guard let record = try await lister(log, contactID).first(where: { $0.id == chosen }) else {
            throw PeopleError.invalidField("relatedRecordId", "'\(chosen)' is not one of the contact's open deals")
        }
        return record
    }

    /// Runs a failed or skipped log again now, with attempts counted afresh.
    public func retry(_ id: CallLogID, by requester: Requester) async throws -> CallLog {
        let log = try await self.callLog(id, for: requester)
        if case .logged = log.state { throw PeopleError.conflict("this call is already logged") }
        let now = self.now()
        try await self.store.requestLog(
            id,
            PersonRequest(
                requestedAt: now, contact: log.request?.contact, relatedRecord: log.request?.relatedRecord, contactName: log.request?.contactName
            ),
            now: now
        )
        return try await self.store.callLog(id) ?? log
    }

    /// One log; ``PeopleError/logNotFound(_:)`` when there is none or the requester may not see it,
    /// so its existence is not given away.
    public func callLog(_ id: CallLogID, for requester: Requester) async throws -> CallLog {
        guard let log = try await self.store.callLog(id), requester.canSee(log.key) else { throw PeopleError.logNotFound(id.rawValue) }
        return log
    }
}
