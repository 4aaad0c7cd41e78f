import Foundation

extension Call {
    /// How the call was routed, one line per extension in the order they joined, e.g.
    /// `Ada Park (ext 101): answered` or `Ben Ortiz: rang` (it rang there while another answered).
    /// Empty for a call with a single extension, however many of its devices rang: there is no
    /// journey to tell.
    public var journey: [String] {
        let ours = self.parties.values.filter { $0.extensionID != nil }
        let byExtension = Dictionary(grouping: ours, by: { $0.extensionID! })
        guard byExtension.count > 1 else { return [] }
        let someoneAnswered = ours.contains { $0.answeredAt != nil }
        let steps = byExtension.values.map { parties -> (party: PartyState, joinedAt: Date) in
            (Self.representative(of: parties), parties.map(\.firstSeenAt).min()!)
        }
        return steps.sorted { ($0.joinedAt, $0.party.partyID) < ($1.joinedAt, $1.party.partyID) }.map { step in
            let party = step.party
            let end = party.direction == .inbound ? party.to : party.from
            let who = end.name ?? end.phoneNumber ?? party.extensionID.map { "extension \($0)" } ?? "unknown"
            let outcome =
                if party.answeredAt != nil { party.reason == nil || party.reason == "CallFinished" ? "answered" : "answered, then \(party.reason!)" }
                else if party.reachedVoicemail { "voicemail" } else if someoneAnswered { "rang" } else { "missed" }
            return "\(who): \(outcome)"
        }
    }

    /// The party that speaks for an extension with several (devices, a transfer back): the answered
    /// one if any, then one that has ended (the call log's, when a webhook's hang-up never came),
    /// then the earliest.
    static func representative(of parties: [PartyState]) -> PartyState {
        parties.min { lhs, rhs in
            if (lhs.answeredAt != nil) != (rhs.answeredAt != nil) { return lhs.answeredAt != nil }
            if lhs.hasEnded != rhs.hasEnded { return lhs.hasEnded }
            return (lhs.firstSeenAt, lhs.partyID) < (rhs.firstSeenAt, rhs.partyID)
        }!
    }
}
