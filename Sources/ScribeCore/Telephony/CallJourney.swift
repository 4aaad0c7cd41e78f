import Foundation

extension Call {
    /// How the call was routed, one line per party in the order they joined, e.g.
    /// `Ada Park (ext 101): answered` or `+14155550123: missed`. Empty for a call with a single
    /// extension party: there is no journey to tell.
    public var journey: [String] {
        let ours = self.parties.values.filter { $0.extensionID != nil }
        guard ours.count > 1 else { return [] }
        return ours.sorted { ($0.firstSeenAt, $0.partyID) < ($1.firstSeenAt, $1.partyID) }.map { party in
            let end = party.direction == .inbound ? party.to : party.from
            let who = end.name ?? end.phoneNumber ?? party.extensionID.map { "extension \($0)" } ?? "unknown"
            let outcome =
                if party.answeredAt != nil { party.reason == nil || party.reason == "CallFinished" ? "answered" : "answered, then \(party.reason!)" }
                else if party.reachedVoicemail { "voicemail" } else { "missed" }
            return "\(who): \(outcome)"
        }
    }
}
