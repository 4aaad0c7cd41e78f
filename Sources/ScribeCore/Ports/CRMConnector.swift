import Foundation

/// A CRM, as the engine sees it. Every method maps the CRM's own failures to ``ConnectorError``.
///
/// Connectors are deliberately dumb: the engine decides what a record says (``CallLogEntry/body``
/// is rendered by the engine, and after a person's edit it already contains their text), and the
/// connector maps it to the CRM's fields.
public protocol CRMConnector: Sendable {
    /// How record bodies are rendered for this CRM.
    var bodyFormat: BodyFormat { get }

    /// What this CRM supports beyond the basics.
    var capabilities: ConnectorCapabilities { get }

    /// Contacts whose stored numbers match `phone`, whatever format the CRM stored them in.
    func findContacts(matching phone: PhoneNumber) async throws(ConnectorError) -> [Contact]

    /// Contacts (and leads, where the CRM has them) whose name matches `name` as the CRM's own search
    /// matches names (a word or the start of one, case-insensitively), at most about 50, for a person
    /// picking whom to log a call on. `name` is at least ``Contact/minimumNameQueryLength`` characters.
    /// Empty when ``ConnectorCapabilities/nameSearch`` is false.
    func findContacts(named name: String) async throws(ConnectorError) -> [Contact]

    /// Creates a contact with `name` and `phone`: the placeholder for an unknown caller, or the
    /// "create contact" of a manual log.
    func createContact(named name: String, phone: PhoneNumber) async throws(ConnectorError) -> Contact

    /// The contact's open deals (or opportunities) a call can be attached to, for the log form.
    func relatedRecords(of contact: ContactID) async throws(ConnectorError) -> [RelatedRecord]

    /// The fields of the CRM's call records that its admin added and people may fill in when they log
    /// a call by hand (read-only, hidden and calculated fields are left out).
    func customFields() async throws(ConnectorError) -> [CustomField]

    /// Creates the call record, carrying `entry.marker` so that it can be found again, and associated
    /// with `entry.relatedRecord` when there is one.
    func createCallRecord(_ entry: CallLogEntry) async throws(ConnectorError) -> CRMRecordID

    /// Creates several call records in one request where the CRM has a batch create
    /// (``ConnectorCapabilities/batchCreateLimit`` > 1), each carrying its marker as in
    /// ``createCallRecord(_:)``. Returns one outcome per entry, in the order given: one refused input
    /// fails alone. Throws when the request as a whole failed (rate limited, unreachable, refused
    /// outright), and then no entry is known to be created. At most `batchCreateLimit` entries.
    /// The engine calls it only when the limit is above 1; the default creates the entries one by one.
    func createCallRecords(_ entries: [CallLogEntry]) async throws(ConnectorError) -> [Result<CRMRecordID, ConnectorError>]

    /// Rewrites the parts of the record the engine owns: subject, body, recording link and result,
    /// and the custom fields in `entry.customFields` (only those). Never the contact, the time or the marker.
    func updateCallRecord(_ id: CRMRecordID, with entry: CallLogEntry) async throws(ConnectorError)

    /// Reads back the record's subject and body, to tell our last write from a person's edit.
    /// Throws ``ConnectorError/Kind/notFound`` when the record was deleted.
    func readCallRecord(_ id: CRMRecordID) async throws(ConnectorError) -> CallRecordSnapshot

    /// The record carrying `marker`, if one was created: used after a crash between the CRM's
    /// accepting a create and the ledger's recording it.
    func findCallRecord(marker: CallLogID) async throws(ConnectorError) -> CRMRecordID?

    // MARK: Dispositions and owners (defaults in CRMConnector+Directory.swift)

    /// The call outcomes people may choose from, as the CRM lists them; empty when
    /// ``ConnectorCapabilities/dispositions`` is false.
    func dispositions() async throws(ConnectorError) -> [CallDisposition]

    /// The CRM's active users, to map agents to record owners; empty when ``ConnectorCapabilities/owners`` is false.
    func users() async throws(ConnectorError) -> [CRMUser]
}

extension CRMConnector {
    /// For CRMs without a batch create: ``createCallRecordsOneByOne(_:)``.
    public func createCallRecords(_ entries: [CallLogEntry]) async throws(ConnectorError) -> [Result<CRMRecordID, ConnectorError>] {
        await self.createCallRecordsOneByOne(entries)
    }

    /// One ``createCallRecord(_:)`` per entry, in order: a failed entry fails alone.
    public func createCallRecordsOneByOne(_ entries: [CallLogEntry]) async -> [Result<CRMRecordID, ConnectorError>] {
        var outcomes: [Result<CRMRecordID, ConnectorError>] = []
        for entry in entries {
            do throws(ConnectorError) {
                outcomes.append(.success(try await self.createCallRecord(entry)))
            } catch {
                outcomes.append(.failure(error))
            }
        }
        return outcomes
    }
}

/// What a CRM record says now, as read back from the CRM.
public struct CallRecordSnapshot: Sendable, Hashable, Codable {
    public var subject: String
    public var body: String

    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    /// The fingerprint the ledger keeps of what it last wrote.
    public var fingerprint: String { StableHash.hex(self.subject + "\u{0}" + self.body) }
}
