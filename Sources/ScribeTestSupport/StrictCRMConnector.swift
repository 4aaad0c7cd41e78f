import Foundation
import ScribeCore
import Synchronization

/// A ``CRMConnector`` test double that does only what a test planned.
///
/// In the spirit of isowords' "failing" dependencies: every operation is an optional closure, and
/// a test supplies exactly the ones it expects to be called. An operation the test did not plan
/// throws a permanent ``ConnectorError`` (operation `strict.<name>`) and is noted in
/// ``unplannedCalls``, so a test that asserts on outcomes fails loudly instead of passing by accident.
///
/// Every call, planned or not, is recorded in ``calls`` in the order it was made, e.g.
/// `findContacts(+14155550123)`, `createCallRecord(log-1)`, `findCallRecord(log-1)`, so that a test
/// can assert the exact sequence of CRM requests.
public final class StrictCRMConnector: CRMConnector, Sendable {
    /// Plans ``findContacts(matching:)``.
    public typealias FindContacts = @Sendable (PhoneNumber) async throws(ConnectorError) -> [Contact]
    /// Plans ``findContacts(named:)``.
    public typealias FindContactsNamed = @Sendable (String) async throws(ConnectorError) -> [Contact]
    /// Plans ``createCallRecord(_:)``.
    public typealias CreateCallRecord = @Sendable (CallLogEntry) async throws(ConnectorError) -> CRMRecordID
    /// Plans ``createContact(named:phone:)``.
    public typealias CreateContact = @Sendable (String, PhoneNumber) async throws(ConnectorError) -> Contact
    /// Plans ``updateCallRecord(_:with:)``.
    public typealias UpdateCallRecord = @Sendable (CRMRecordID, CallLogEntry) async throws(ConnectorError) -> Void
    /// Plans ``readCallRecord(_:)``.
    public typealias ReadCallRecord = @Sendable (CRMRecordID) async throws(ConnectorError) -> CallRecordSnapshot
    /// Plans ``findCallRecord(marker:)``.
    public typealias FindCallRecord = @Sendable (CallLogID) async throws(ConnectorError) -> CRMRecordID?
    /// Plans ``relatedRecords(of:)``.
    public typealias RelatedRecords = @Sendable (ContactID) async throws(ConnectorError) -> [RelatedRecord]
    /// Plans ``customFields()``.
    public typealias CustomFields = @Sendable () async throws(ConnectorError) -> [CustomField]
    /// Plans ``dispositions()``.
    public typealias Dispositions = @Sendable () async throws(ConnectorError) -> [CallDisposition]
    /// Plans ``createCallRecords(_:)``: one outcome per entry, in order.
    public typealias CreateCallRecords = @Sendable ([CallLogEntry]) async throws(ConnectorError) -> [Result<CRMRecordID, ConnectorError>]

    private struct Record {
        var calls: [String] = []
        var unplanned: [String] = []
    }

    public let bodyFormat: BodyFormat
    private let findContactsPlan: FindContacts?
    private let findContactsNamedPlan: FindContactsNamed?
    private let createCallRecordPlan: CreateCallRecord?
    private let findCallRecordPlan: FindCallRecord?
    private let createContactPlan: CreateContact?
    private let updateCallRecordPlan: UpdateCallRecord?
    private let readCallRecordPlan: ReadCallRecord?
    private let relatedRecordsPlan: RelatedRecords?
    private let customFieldsPlan: CustomFields?
    private let createCallRecordsPlan: CreateCallRecords?
    private let dispositionsPlan: Dispositions?
    private let batchCreateLimit: Int
    private let record = Mutex(Record())

    /// What the plans given make the connector able to do.
    public var capabilities: ConnectorCapabilities {
        ConnectorCapabilities(
            customFields: self.customFieldsPlan != nil, dispositions: self.dispositionsPlan != nil, batchCreateLimit: self.createCallRecordsPlan == nil ? 1 : self.batchCreateLimit,
            editDetection: self.readCallRecordPlan != nil,
            markerSearch: self.findCallRecordPlan != nil, relatedRecords: self.relatedRecordsPlan != nil,
            nameSearch: self.findContactsNamedPlan != nil
        )
    }

    /// A connector that answers only the operations given; any other call throws and is recorded as unplanned.
    /// With `createCallRecords` planned, its capabilities advertise a batch create of `batchCreateLimit` entries.
    public init(
        bodyFormat: BodyFormat = .html, findContacts: FindContacts? = nil, createCallRecord: CreateCallRecord? = nil,
        findCallRecord: FindCallRecord? = nil, createContact: CreateContact? = nil, updateCallRecord: UpdateCallRecord? = nil,
        readCallRecord: ReadCallRecord? = nil, relatedRecords: RelatedRecords? = nil, customFields: CustomFields? = nil,
        createCallRecords: CreateCallRecords? = nil, batchCreateLimit: Int = 100, findContactsNamed: FindContactsNamed? = nil,
        dispositions: Dispositions? = nil
    ) {
        self.dispositionsPlan = dispositions
        self.findContactsNamedPlan = findContactsNamed
        self.createCallRecordsPlan = createCallRecords
        self.batchCreateLimit = batchCreateLimit
        self.customFieldsPlan = customFields
        self.relatedRecordsPlan = relatedRecords
        self.createContactPlan = createContact
        self.updateCallRecordPlan = updateCallRecord
        self.readCallRecordPlan = readCallRecord
        self.bodyFormat = bodyFormat
        self.findContactsPlan = findContacts
        self.createCallRecordPlan = createCallRecord
        self.findCallRecordPlan = findCallRecord
    }

    /// Every call made so far, in order: `findContacts(<e164>)`, `createContact(<e164>)`, `createCallRecord(<marker>)`,
    /// `updateCallRecord(<record id>)`, `readCallRecord(<record id>)`, `findCallRecord(<marker>)`.
    public var calls: [String] { self.record.withLock { $0.calls } }

    /// The calls (as in ``calls``) to operations the test did not plan. Empty in a test that went to plan.
    public var unplannedCalls: [String] { self.record.withLock { $0.unplanned } }

    public func findContacts(matching phone: PhoneNumber) async throws(ConnectorError) -> [Contact] {
        let plan = try self.note("findContacts", argument: phone.e164, plan: self.findContactsPlan)
        return try await plan(phone)
    }

    /// Recorded as `findContactsNamed(<name>)`.
    public func findContacts(named name: String) async throws(ConnectorError) -> [Contact] {
        let plan = try self.note("findContactsNamed", argument: name, plan: self.findContactsNamedPlan)
        return try await plan(name)
    }

    public func relatedRecords(of contact: ContactID) async throws(ConnectorError) -> [RelatedRecord] {
        let plan = try self.note("relatedRecords", argument: contact.rawValue, plan: self.relatedRecordsPlan)
        return try await plan(contact)
    }

    public func customFields() async throws(ConnectorError) -> [CustomField] {
        let plan = try self.note("customFields", argument: "", plan: self.customFieldsPlan)
        return try await plan()
    }

    public func createCallRecord(_ entry: CallLogEntry) async throws(ConnectorError) -> CRMRecordID {
        let plan = try self.note("createCallRecord", argument: entry.marker.rawValue, plan: self.createCallRecordPlan)
        return try await plan(entry)
    }

    /// Recorded as `createCallRecords(<marker>,<marker>,…)`.
    public func createCallRecords(_ entries: [CallLogEntry]) async throws(ConnectorError) -> [Result<CRMRecordID, ConnectorError>] {
        let argument = entries.map(\.marker.rawValue).joined(separator: ",")
        let plan = try self.note("createCallRecords", argument: argument, plan: self.createCallRecordsPlan)
        return try await plan(entries)
    }

    public func createContact(named name: String, phone: PhoneNumber) async throws(ConnectorError) -> Contact {
        let plan = try self.note("createContact", argument: phone.e164, plan: self.createContactPlan)
        return try await plan(name, phone)
    }

    public func updateCallRecord(_ id: CRMRecordID, with entry: CallLogEntry) async throws(ConnectorError) {
        let plan = try self.note("updateCallRecord", argument: id.rawValue, plan: self.updateCallRecordPlan)
        try await plan(id, entry)
    }

    public func readCallRecord(_ id: CRMRecordID) async throws(ConnectorError) -> CallRecordSnapshot {
        let plan = try self.note("readCallRecord", argument: id.rawValue, plan: self.readCallRecordPlan)
        return try await plan(id)
    }

    /// Recorded as `dispositions()`.
    public func dispositions() async throws(ConnectorError) -> [CallDisposition] {
        let plan = try self.note("dispositions", argument: "", plan: self.dispositionsPlan)
        return try await plan()
    }

    public func findCallRecord(marker: CallLogID) async throws(ConnectorError) -> CRMRecordID? {
        let plan = try self.note("findCallRecord", argument: marker.rawValue, plan: self.findCallRecordPlan)
        return try await plan(marker)
    }

    /// Records the call, and returns its plan or throws when there is none.
    private func note<Plan>(_ name: String, argument: String, plan: Plan?) throws(ConnectorError) -> Plan {
        let call = "\(name)(\(argument))"
        self.record.withLock { record in
            record.calls.append(call)
            if plan == nil { record.unplanned.append(call) }
        }
        guard let plan else {
            throw ConnectorError(.permanent, operation: "strict.\(name)", message: "unplanned call to \(name)")
        }
        return plan
    }
}
