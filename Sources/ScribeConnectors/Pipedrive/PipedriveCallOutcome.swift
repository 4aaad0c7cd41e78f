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

    /// As people read it; the labels of the first three are ``CallDisposition/defaultLabel(for:)``'s.
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

    /// The outcome a person chose for `entry` (by API value or label), else the one its result means.
    /// A chosen disposition that is not one of Pipedrive's is refused, naming `outcome`.
    init(for entry: CallLogEntry, operation: String) throws(ConnectorError) {
        let chosen = entry.disposition?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let wanted = chosen.isEmpty ? CallDisposition.defaultLabel(for: entry.result) : chosen
        guard let found = CallDisposition.named(wanted, in: PipedriveCallOutcome.dispositions), let outcome = PipedriveCallOutcome(rawValue: found.id) else {
            let offered = PipedriveCallOutcome.allCases.map(\.label).joined(separator: ", ")
            throw ConnectorError(
                .validationFailed(field: "outcome"), operation: operation,
                message: "'\(chosen)' is not one of Pipedrive's call outcomes (\(offered))"
            )
        }
        self = outcome
    }
}
