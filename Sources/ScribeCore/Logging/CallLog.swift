import Foundation

/// One call log in the ledger: the truth from which the CRM record is rendered.
public struct CallLog: Sendable, Hashable, Codable, Identifiable {
    public var id: CallLogID
    public var key: CallLogKey
    public var state: CallLogState
    /// The leg this log is about, as folded when the log was claimed.
    public var leg: CallLeg
    /// Each artifact's state: what is in the CRM record, what is still to come.
    public var artifacts: ArtifactChecklist
    /// The contact the call was matched to, once resolved.
    public var contact: Contact?
    /// The record we wrote in the CRM.
    public var crmRecordID: CRMRecordID?
    /// A hash of what we last rendered, to tell our writes from a person's edits.
    public var renderedHash: String?
    /// The latest decision in words, e.g. which contact was chosen and why.
    public var note: String?
    /// How many write attempts have been made.
    public var attempts: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: CallLogID, key: CallLogKey, leg: CallLeg, createdAt: Date) {
        self.id = id
        self.key = key
        self.state = .observed
        self.leg = leg
        self.artifacts = .afterHangUp
        self.attempts = 0
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}
