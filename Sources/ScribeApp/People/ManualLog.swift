import Foundation
import ScribeCore

/// What a person submits to log a call by hand: every field optional.
public struct ManualLog: Sendable, Hashable, Codable {
    public var notes: String?
    public var subject: String?
    public var disposition: String?
    /// Log against this existing contact.
    public var contactId: String?
    /// The name of the contact in `contactId` as the person saw it (one found by name, not among the
    /// log's candidates), so the record and its subject name them.
    public var contactName: String?
    /// Create a contact with this name (and the caller's number) and log against it.
    public var newContactName: String?
    /// Attach the record to this one of the contact's open deals (opportunities in Salesforce).
    public var relatedRecordId: String?
    /// Values for the CRM's custom fields of call records, by field key (see
    /// ``Callscribe/customFields(_:for:)``); checked against the CRM's fields before anything is stored.
    public var customFields: [String: String]?

    public init(
        notes: String? = nil, subject: String? = nil, disposition: String? = nil, contactId: String? = nil, newContactName: String? = nil,
        relatedRecordId: String? = nil, customFields: [String: String]? = nil, contactName: String? = nil
    ) {
        self.contactName = contactName
        self.customFields = customFields
        self.relatedRecordId = relatedRecordId
        self.notes = notes
        self.subject = subject
        self.disposition = disposition
        self.contactId = contactId
        self.newContactName = newContactName
    }

    /// The largest notes accepted (a long call's notes fit; a pasted book does not).
    public static let maximumNotesLength = 100_000
    /// The most custom fields one request may set.
    public static let maximumCustomFields = 50

    /// Checks every field; the first bad one is named.
    func validated() throws(PeopleError) -> (input: (notes: String?, subject: String?, disposition: String?), contact: ContactRequest?) {
        if let notes, notes.utf8.count > Self.maximumNotesLength {
            throw .invalidField("notes", "longer than \(Self.maximumNotesLength) bytes")
        }
        if let subject, subject.count > 255 || subject.contains(where: \.isNewline) {
            throw .invalidField("subject", "must be one line of at most 255 characters")
        }
        if let disposition, disposition.count > 255 { throw .invalidField("disposition", "longer than 255 characters") }
        let contactID = self.contactId?.trimmingCharacters(in: .whitespaces)
        let newName = self.newContactName?.trimmingCharacters(in: .whitespacesAndNewlines)
        let contact: ContactRequest?
        switch (contactID.flatMap { $0.isEmpty ? nil : $0 }, newName.flatMap { $0.isEmpty ? nil : $0 }) {
        case (.some, .some): throw .invalidField("newContactName", "give either contactId or newContactName, not both")
        case (.some(let id), nil): contact = .existing(ContactID(id))
        case (nil, .some(let name)):
            guard name.count <= 200 else { throw .invalidField("newContactName", "longer than 200 characters") }
            contact = .create(name: name)
        case (nil, nil): contact = nil
        }
        return ((self.notes, self.subject, self.disposition), contact)
    }

    /// The chosen contact's name, trimmed; nil when none was given. Only with `contactId`.
    func validatedContactName() throws(PeopleError) -> String? {
        guard let name = self.contactName?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return nil }
        guard self.contactId?.trimmingCharacters(in: .whitespaces).isEmpty == false else {
            throw .invalidField("contactName", "names the contact in contactId; give contactId too")
        }
        guard name.count <= 200, !name.contains(where: \.isNewline) else { throw .invalidField("contactName", "must be one line of at most 200 characters") }
        return name
    }

    /// The chosen deal's id, trimmed; nil when none (or blank, the form's "No deal").
    func validatedRelatedRecordID() throws(PeopleError) -> String? {
        guard let id = self.relatedRecordId?.trimmingCharacters(in: .whitespaces), !id.isEmpty else { return nil }
        guard id.count <= 100, !id.contains(where: { $0.isNewline || $0 == "/" }) else { throw .invalidField("relatedRecordId", "not a CRM record id") }
        return id
    }
}
