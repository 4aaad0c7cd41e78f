import Foundation

/// A call an extension is on right now (ringing or talking), for typing notes while it lasts.
public struct LiveCall: Sendable, Hashable, Codable {
    public var sessionID: TelephonySessionID
    public var extensionID: ExtensionID
    public var direction: CallDirection
    /// The other party's number (or name when the phone system gave no number).
    public var counterpart: String
    public var startedAt: Date
    public var answered: Bool
}

extension Call {
    /// The extensions still on this call: each extension with a party that has not ended.
    public var liveCalls: [LiveCall] {
        let byExtension = Dictionary(grouping: self.parties.values.filter { $0.extensionID != nil && !$0.hasEnded }, by: { $0.extensionID! })
        return byExtension.keys.sorted().map { extensionID in
            let party = byExtension[extensionID]!.min { ($0.firstSeenAt, $0.partyID) < ($1.firstSeenAt, $1.partyID) }!
            let other = party.direction == .inbound ? party.from : party.to
            return LiveCall(
                sessionID: self.sessionID, extensionID: extensionID, direction: party.direction,
                counterpart: other.phoneNumber ?? other.name ?? "unknown", startedAt: party.firstSeenAt, answered: party.answeredAt != nil
            )
        }
    }
}
