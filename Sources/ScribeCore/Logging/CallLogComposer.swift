import Foundation

/// Composes the CRM entry for a call log from the ledger: deterministic, no I/O.
public struct CallLogComposer: Sendable {
    public init() {}

    /// The entry for `log`, logged against `contact`, for the agent `agentName`.
    public func compose(_ log: CallLog, contact: Contact, agentName: String?) -> CallLogEntry {
        let leg = log.leg
        return CallLogEntry(
            marker: log.id,
            subject: self.subject(for: leg, contactName: contact.name),
            startedAt: leg.startedAt,
            duration: leg.duration,
            direction: leg.direction,
            result: leg.result,
            fromNumber: leg.from.phoneNumber ?? "",
            toNumber: leg.to.phoneNumber ?? "",
            contact: contact,
            agentName: agentName,
            sessionID: leg.sessionID
        )
    }

    func subject(for leg: CallLeg, contactName: String) -> String {
        switch (leg.direction, leg.result) {
        case (.inbound, .answered): "Inbound call from \(contactName)"
        case (.inbound, .missed): "Missed call from \(contactName)"
        case (.inbound, .voicemail): "Voicemail from \(contactName)"
        case (.outbound, .answered): "Outbound call to \(contactName)"
        case (.outbound, _): "Unanswered call to \(contactName)"
        }
    }
}
