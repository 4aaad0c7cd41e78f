import Foundation

/// Where a call log stands. Every call has one visible outcome; nothing fails silently.
public enum CallLogState: Sendable, Hashable, Codable {
    /// A log was claimed (when the call was answered, or when it ended); nothing has been decided yet.
    case observed
    /// Waiting for something before writing: a person's contact choice, artifacts, a grace period.
    case waiting(WaitReason, until: Date?)
    /// The CRM create is under way (claimed before the side effect, so a crash here is recoverable).
    case creating
    /// The CRM record exists; some artifacts may still be outstanding.
    case logged
    /// Deliberately not logged, with the reason.
    case skipped(SkipReason)
    /// The write failed; `retryAt` is nil once attempts are exhausted.
    case failed(reason: String, retryAt: Date?)

    /// The short name used in storage, the API and filters.
    public var name: String {
        switch self {
        case .observed: "observed"
        case .waiting: "waiting"
        case .creating: "creating"
        case .logged: "logged"
        case .skipped: "skipped"
        case .failed: "failed"
        }
    }

    /// A sentence for people: what happened and why.
    public var explanation: String {
        switch self {
        case .observed: "Call seen; deciding how to log it."
        case .waiting(let reason, let until): "Waiting for \(reason.rawValue)" + (until.map { " until \($0.iso8601)" } ?? "") + "."
        case .creating: "Writing the record to the CRM."
        case .logged: "Logged in the CRM."
        case .skipped(let reason): "Not logged: \(reason.explanation)"
        case .failed(let reason, let retryAt):
            "Failed: \(reason)." + (retryAt.map { " Next attempt at \($0.iso8601)." } ?? " No more automatic attempts.")
        }
    }

    /// True for calls that are not (yet) in the CRM: the "Unlogged" view.
    public var isUnlogged: Bool {
        switch self {
        case .logged: false
        default: true
        }
    }
}

/// What a waiting log is waiting for.
public enum WaitReason: String, Sendable, Hashable, Codable {
    case contactChoice = "a contact choice"
    case artifacts = "artifacts"
    case gracePeriod = "the grace period"
    /// The call is still going and the settings create records when it ends.
    case callEnd = "the call to end"
}

/// Why a call was deliberately not logged.
public enum SkipReason: String, Sendable, Hashable, Codable, CaseIterable {
    case autoLogOff = "auto_log_off"
    case unknownContact = "unknown_contact"
    case internalCall = "internal_call"
    case blockedNumber = "blocked_number"
    case tooShort = "too_short"
    case noPhoneNumber = "no_phone_number"
    case blockedExtension = "blocked_extension"
    case voicemail
    case answeredElsewhere = "answered_elsewhere"
    case partOfAnotherCall = "part_of_another_call"
    case ownNumber = "own_number"

    public var explanation: String {
        switch self {
        case .autoLogOff: "automatic logging is off for this user; log it by hand."
        case .unknownContact: "no CRM contact has this number; log it by hand or add the contact."
        case .internalCall: "internal call between extensions."
        case .blockedNumber: "the number is on the blocked list."
        case .tooShort: "shorter than the minimum duration."
        case .noPhoneNumber: "the phone system reported no caller number."
        case .blockedExtension: "calls of this extension are not logged."
        case .voicemail: "voicemails are not logged for this user."
        case .answeredElsewhere: "it only rang here: another extension answered, and the call is logged on theirs."
        case .ownNumber: "the other party is one of the company's own numbers or extensions, not a customer."
        case .partOfAnotherCall: "this part of the conversation continues a call logged under another session (a transfer or a conference)."
        }
    }
}

extension Date {
    /// ISO 8601 in UTC with seconds, the one format used in logs, the CLI and the API.
    public var iso8601: String { self.formatted(.iso8601) }
}
