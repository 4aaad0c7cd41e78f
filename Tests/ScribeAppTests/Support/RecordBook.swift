import Foundation
import ScribeCore
import ScribeTestSupport
import Synchronization

/// A CRM's contacts and call records in memory, so that a test asserts what the CRM record says,
/// and can act as a person in the CRM (edit or delete a record).
///
/// ``connector(bodyFormat:creatingContacts:)`` plans a ``StrictCRMConnector`` against the book: every
/// record operation is planned, creating contacts only when asked for, so an unexpected contact
/// creation shows in `unplannedCalls`.
final class RecordBook: Sendable {
    /// A planned failure of the next record create.
    enum CreateFault: Sendable {
        /// The CRM refuses it: nothing is created.
        case refuse(ConnectorError)
        /// The CRM creates the record, but the answer is lost (a timeout): the caller sees `error`.
        case acceptThenFail(ConnectorError)
    }

    private struct State {
        var directory: [Contact]
        var records: [CRMRecordID: CallRecordSnapshot] = [:]
        var markers: [CallLogID: CRMRecordID] = [:]
        var creates: [CallLogEntry] = []
        var updates: [(id: CRMRecordID, entry: CallLogEntry)] = []
        var contactsCreated: [Contact] = []
        var createFaults: [CreateFault] = []
        var nextID = 0
    }

    private let state: Mutex<State>

    /// A CRM holding `contacts`; all of them share the caller's number.
    init(contacts: [Contact] = []) {
        self.state = Mutex(State(directory: contacts))
    }

    // MARK: What the CRM says

    /// The call records as they are now.
    var records: [CRMRecordID: CallRecordSnapshot] { self.state.withLock { $0.records } }

    /// The one call record, or nil when there is none or more than one.
    var onlyRecord: CallRecordSnapshot? {
        self.state.withLock { $0.records.count == 1 ? $0.records.first?.value : nil }
    }

    /// Every create, in order.
    var creates: [CallLogEntry] { self.state.withLock { $0.creates } }

    /// Every update, in order.
    var updates: [(id: CRMRecordID, entry: CallLogEntry)] { self.state.withLock { $0.updates } }

    /// Contacts created through the connector.
    var contactsCreated: [Contact] { self.state.withLock { $0.contactsCreated } }

    // MARK: A person in the CRM

    /// A person rewrites the record's subject and body.
    func edit(_ id: CRMRecordID, subject: String, body: String) {
        self.state.withLock { $0.records[id] = CallRecordSnapshot(subject: subject, body: body) }
    }

    /// A person deletes the record.
    func delete(_ id: CRMRecordID) {
        self.state.withLock { $0.records[id] = nil }
    }

    /// The next create fails as planned.
    func failNextCreate(_ fault: CreateFault) {
        self.state.withLock { $0.createFaults.append(fault) }
    }

    // MARK: The CRM's operations

    func findContacts(_ phone: PhoneNumber) -> [Contact] {
        self.state.withLock { $0.directory }
    }

    func createContact(named name: String, phone: PhoneNumber) -> Contact {
        self.state.withLock { state in
            state.nextID += 1
            let contact = Contact(id: ContactID("new-\(state.nextID)"), name: name, phoneNumbers: [phone.e164])
            state.directory.append(contact)
            state.contactsCreated.append(contact)
            return contact
        }
    }

    func createCallRecord(_ entry: CallLogEntry) throws(ConnectorError) -> CRMRecordID {
        let (id, error): (CRMRecordID?, ConnectorError?) = self.state.withLock { state in
            let fault = state.createFaults.isEmpty ? nil : state.createFaults.removeFirst()
            if case .refuse(let error) = fault { return (nil, error) }
            state.nextID += 1
            let id = CRMRecordID("rec-\(state.nextID)")
            state.records[id] = entry.snapshot
            state.markers[entry.marker] = id
            state.creates.append(entry)
            if case .acceptThenFail(let error) = fault { return (id, error) }
            return (id, nil)
        }
        if let error { throw error }
        return id!
    }

    func updateCallRecord(_ id: CRMRecordID, with entry: CallLogEntry) throws(ConnectorError) {
        let found = self.state.withLock { state in
            guard state.records[id] != nil else { return false }
            state.records[id] = entry.snapshot
            state.updates.append((id, entry))
            return true
        }
        guard found else { throw Self.notFound(id, operation: "book.updateCall") }
    }

    func readCallRecord(_ id: CRMRecordID) throws(ConnectorError) -> CallRecordSnapshot {
        guard let record = self.state.withLock({ $0.records[id] }) else { throw Self.notFound(id, operation: "book.readCall") }
        return record
    }

    /// The record carrying `marker`, if it still exists.
    func findCallRecord(marker: CallLogID) -> CRMRecordID? {
        self.state.withLock { state in state.markers[marker].flatMap { state.records[$0] != nil ? $0 : nil } }
    }

    private static func notFound(_ id: CRMRecordID, operation: String) -> ConnectorError {
        ConnectorError(.notFound, operation: operation, status: 404, message: "no call record \(id)")
    }

    /// A strict connector answering from this book.
    /// With `dispositions`, the connector says the CRM has that list (and the engine then resends a
    /// disposition it cannot read back).
    func connector(bodyFormat: BodyFormat = .html, creatingContacts: Bool = false, dispositions: [CallDisposition]? = nil) -> StrictCRMConnector {
        let createContact: StrictCRMConnector.CreateContact = { name, phone in self.createContact(named: name, phone: phone) }
        return StrictCRMConnector(
            bodyFormat: bodyFormat,
            findContacts: { phone in self.findContacts(phone) },
            createCallRecord: { entry throws(ConnectorError) in try self.createCallRecord(entry) },
            findCallRecord: { marker in self.findCallRecord(marker: marker) },
            createContact: creatingContacts ? createContact : nil,
            updateCallRecord: { id, entry throws(ConnectorError) in try self.updateCallRecord(id, with: entry) },
            readCallRecord: { id throws(ConnectorError) in try self.readCallRecord(id) },
            dispositions: dispositions.map { list in { @Sendable () async throws(ConnectorError) in list } }
        )
    }
}
