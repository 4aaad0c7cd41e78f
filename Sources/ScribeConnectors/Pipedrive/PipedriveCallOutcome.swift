import Foundation
import ScribeCore

/// The outcomes a Pipedrive call log takes (`outcome` of `POST /v1/callLogs`): a fixed list, the
/// same in every company.
enum PipedriveCallOutcome: String, CaseIterable, Sendable {
    case connected
    case noAnswer = "no_answer"
    case leftMessage = "left_message"
    case leftVoicemail = "left_voicemail"
    case wrongNumber = "wrong_number"
    case busy

    /// As people read it.
    var label: String {
        switch self {
        case .connected: "Connected"
        case .noAnswer: "No answer"
        case .leftMessage: "Left message"
        case .leftVoicemail: "Left voicemail"
        case .wrongNumber: "Wrong number"
        case .busy: "Busy"
        }
    }

    /// Every outcome as a disposition: the API value as its id.
    static var dispositions: [CallDisposition] {
        PipedriveCallOutcome.allCases.map { CallDisposition(id: $0.rawValue, label: $0.label) }
    }

    /// The outcome a call's result means when nobody chose one.
    init(_ result: CallResult) {
        switch result {
        case .answered: self = .connected
        case .missed: self = .noAnswer
        case .voicemail: self = .leftVoicemail
        }
    }

    /// The outcome a person chose for `entry` (by API value or label), else the one its result means:
    /// a disposition that is not Pipedrive's (chosen for another CRM of the same call) still leaves
    /// the call log its outcome, and stays in the record's body.
    init(for entry: CallLogEntry) {
        let chosen = entry.disposition.flatMap { CallDisposition.named($0, in: PipedriveCallOutcome.dispositions) }
        self = chosen.flatMap { PipedriveCallOutcome(rawValue: $0.id) } ?? PipedriveCallOutcome(entry.result)
    }
}
