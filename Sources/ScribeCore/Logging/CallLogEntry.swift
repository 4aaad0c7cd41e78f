import Foundation

/// The content of a CRM call record, composed from the ledger.
///
/// Connectors map its fields to the CRM's own fields. ``body`` is already rendered in the
/// connector's ``BodyFormat`` (and, after a person edited the record, already keeps their text), so a
/// connector writes it as it is. It carries the log id as ``marker`` so that a record we made can be
/// found again after a crash.
public struct CallLogEntry: Sendable, Hashable, Codable {
    public var marker: CallLogID
    public var subject: String
    public var body: String
    public var startedAt: Date
    /// Talk time: from answer to hang-up, zero when nobody answered.
    public var duration: TimeInterval
    /// When the call ended; nil while it is still going.
    public var endedAt: Date?
    public var direction: CallDirection
    public var result: CallResult
    /// The call is still going (the record is created when it connects): the duration reads zero and
    /// the CRM's status says "in progress" until the update at hang-up.
    public var inProgress: Bool
    public var fromNumber: String
    public var toNumber: String
    public var contact: Contact
    public var agentName: String?
    /// Where the recording can be played, once it is ready and the settings log it.
    public var recordingURL: String?
    public var sessionID: TelephonySessionID
    /// The CRM user the new record is assigned to; nil leaves it to the CRM. Set on create only: a
    /// record a person reassigned stays theirs.
    public var ownerID: String?
    /// The deal or opportunity a person attached the call to; set on create only, like ``ownerID``:
    /// the association of an existing record is never changed.
    public var relatedRecord: RelatedRecord?
    /// Values a person chose for the CRM's custom fields (``CustomField/key`` → value, already checked
    /// and normalised). Sent only with the write that carries out their request, so a value someone
    /// later changed in the CRM is not put back.
    public var customFields: [String: String]
    /// The disposition a person chose (the CRM's id for it, or its label), written to the CRM's
    /// disposition field; nil writes the one that follows from ``result``, where the CRM has it.
    public var disposition: String?
    /// Whether this write sets the disposition at all. An update leaves it out unless the chosen
    /// disposition or the call's result changed since our last write, so that one a person set in the
    /// CRM is not put back.
    public var writesDisposition: Bool

    public init(
        marker: CallLogID, subject: String, body: String, startedAt: Date, duration: TimeInterval, direction: CallDirection,
        result: CallResult, fromNumber: String, toNumber: String, contact: Contact, agentName: String? = nil,
        recordingURL: String? = nil, sessionID: TelephonySessionID, ownerID: String? = nil, relatedRecord: RelatedRecord? = nil,
        customFields: [String: String] = [:], inProgress: Bool = false, disposition: String? = nil, writesDisposition: Bool = true,
        endedAt: Date? = nil
    ) {
        self.endedAt = endedAt
        self.disposition = disposition
        self.writesDisposition = writesDisposition
        self.inProgress = inProgress
        self.marker = marker
        self.subject = subject
        self.body = body
        self.startedAt = startedAt
        self.duration = duration
        self.direction = direction
        self.result = result
        self.fromNumber = fromNumber
        self.toNumber = toNumber
        self.contact = contact
        self.agentName = agentName
        self.recordingURL = recordingURL
        self.sessionID = sessionID
        self.ownerID = ownerID
        self.relatedRecord = relatedRecord
        self.customFields = customFields
    }

    /// What the record says once this entry is written: for comparing with ``CallRecordSnapshot``.
    public var snapshot: CallRecordSnapshot { CallRecordSnapshot(subject: self.subject, body: self.body) }
}
