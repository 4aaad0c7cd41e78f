import Foundation

/// One call log in the ledger: the truth from which the CRM record is rendered.
///
/// The writer owns every field but ``request``, which only people change (the manual log).
public struct CallLog: Sendable, Hashable, Codable, Identifiable {
    public var id: CallLogID
    public var key: CallLogKey
    public var state: CallLogState
    /// The leg this log is about, as last folded.
    public var leg: CallLeg
    /// Each artifact's state: what is in the CRM record, what is still to come.
    public var artifacts: ArtifactChecklist
    /// The contact the call was matched to, once resolved.
    public var contact: Contact?
    /// The contacts a person is asked to choose among.
    public var candidates: [Contact]
    /// The record we wrote in the CRM.
    public var crmRecordID: CRMRecordID?
    /// The fingerprint of the subject and body we last wrote (``CallRecordSnapshot/fingerprint``),
    /// to tell our writes from a person's edits.
    public var renderedHash: String?
    /// What the record shows of each artifact since our last write.
    public var written: [Artifact: String]
    /// A person edited the record in the CRM: from then on we only add to it.
    public var personEdited: Bool
    /// A create was sent at least once: a retry first looks for the record by our marker.
    public var createAttempted: Bool
    /// Our last write was made while the call was still going: the write at hang-up completes the
    /// record, disposition included, even when a person edited it meanwhile.
    public var writtenInProgress: Bool
    /// The latest decision in words, e.g. which contact was chosen and why.
    public var note: String?
    /// Every decision and write, oldest first.
    public var timeline: [LogEvent]
    /// What a person asked for through the manual log.
    public var request: PersonRequest?
    /// The time of the request the writer last carried out.
    public var requestHandledAt: Date?
    /// How many write attempts have been made.
    public var attempts: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: CallLogID, key: CallLogKey, leg: CallLeg, createdAt: Date) {
        self.id = id
        self.key = key
        self.state = .observed
        self.leg = leg
        self.artifacts = ArtifactChecklist(states: [.basics: .ready])
        self.candidates = []
        self.written = [:]
        self.personEdited = false
        self.createAttempted = false
        self.writtenInProgress = false
        self.timeline = []
        self.attempts = 0
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    /// Whether a person's request is waiting to be carried out.
    public var hasOpenRequest: Bool {
        guard let request else { return false }
        return request.requestedAt > (self.requestHandledAt ?? .distantPast)
    }

    /// Notes a decision: it becomes the log's ``note`` and joins the ``timeline``.
    public mutating func record(_ message: String, at time: Date) {
        self.note = message
        self.timeline.append(LogEvent(at: time, message: message))
        if self.timeline.count > CallLog.timelineLimit { self.timeline.removeFirst(self.timeline.count - CallLog.timelineLimit) }
    }

    static let timelineLimit = 100
}

/// One entry in a log's timeline.
public struct LogEvent: Sendable, Hashable, Codable {
    public var at: Date
    public var message: String

    public init(at: Date, message: String) {
        self.at = at
        self.message = message
    }
}

/// A person's request to log a call: now, against this contact.
public struct PersonRequest: Sendable, Hashable, Codable {
    public var requestedAt: Date
    public var contact: ContactRequest?
    /// The deal or opportunity to attach the new record to. Stored in the request's JSON, so an older
    /// ledger's requests (without it) still decode.
    public var relatedRecord: RelatedRecord?
    /// Values for the CRM's custom fields, checked against the connection's fields when the request was
    /// made. Optional in the JSON, like ``relatedRecord``.
    public var customFields: [String: String]?
    /// The name of the existing contact chosen, as the person saw it (a contact found by name is not
    /// among the log's candidates), so the record names them. Optional in the JSON, like ``relatedRecord``.
    public var contactName: String?

    public init(
        requestedAt: Date, contact: ContactRequest?, relatedRecord: RelatedRecord? = nil, customFields: [String: String]? = nil, contactName: String? = nil
    ) {
        self.requestedAt = requestedAt
        self.contact = contact
        self.contactName = contactName
        self.relatedRecord = relatedRecord
        self.customFields = customFields
    }
}

/// Who a person chose to log a call against.
public enum ContactRequest: Sendable, Hashable, Codable {
    case existing(ContactID)
    /// Create a new contact with this name and the caller's number.
    case create(name: String)
}
