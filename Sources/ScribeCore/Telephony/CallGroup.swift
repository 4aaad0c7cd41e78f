import Foundation

/// Calls joined into one conversation because parties moved between them: an attended transfer
/// (the transferring agent's party leaves the customer's session for the consultation session,
/// `Gone` with a `peerId`) or a merge into a conference (parties leave for the conference session).
///
/// Each extension's part of the conversation is logged once, on its earliest leg in the group, and
/// lasts until its last leg in the group ends; its later legs say which leg they continue. A leg whose
/// other end is one of our extensions or a conference bridge takes the group's outside party as its
/// counterpart: the agent who received an attended transfer talked with the customer, not with the
/// colleague who consulted them. A call with no links is a group of one and its legs are unchanged.
public struct CallGroup: Sendable {
    /// The calls of the conversation, the one asked about among them.
    public let calls: [Call]

    public init(_ calls: [Call]) {
        self.calls = calls.sorted { ($0.startedAt, $0.sessionID) < ($1.startedAt, $1.sessionID) }
    }

    /// The leg of `extensionID` in the session `sessionID`, as that extension lived the conversation.
    public func leg(of extensionID: ExtensionID, in sessionID: TelephonySessionID) -> CallLeg? {
        guard let call = self.calls.first(where: { $0.sessionID == sessionID }), var leg = call.leg(of: extensionID) else { return nil }
        guard self.calls.count > 1 else { return leg }
        let legs = self.calls.compactMap { $0.leg(of: extensionID) }.sorted { ($0.startedAt, $0.sessionID) < ($1.startedAt, $1.sessionID) }
        if let first = legs.first, first.sessionID != sessionID {
            leg.continuesSession = first.sessionID
            return leg
        }
        for later in legs where later.sessionID != sessionID {
            leg.extend(with: later)
        }
        if !leg.counterpart.isOutside, let outside = self.outsideParty {
            leg.adoptCounterpart(outside)
        }
        return leg
    }

    /// How the conversation was routed across its calls: the journeys of its calls told as one.
    public var journey: [String] {
        guard self.calls.count > 1 else { return self.calls.first?.journey ?? [] }
        var merged = Call(sessionID: self.calls[0].sessionID, accountID: self.calls[0].accountID)
        for call in self.calls {
            for (partyID, party) in call.parties {
                merged.parties[PartyID("\(call.sessionID.rawValue)/\(partyID.rawValue)")] = party
            }
        }
        // One line per extension across the calls: an agent who consulted and then transferred is told once.
        return merged.journey
    }

    /// The outside end of the conversation: the first call's outside counterpart, or its outside party.
    var outsideParty: CallEndpoint? {
        for call in self.calls {
            if let counterpart = call.legs.map(\.counterpart).first(where: \.isOutside) { return counterpart }
            let outsideParties = call.parties.values.filter { $0.extensionID == nil }.sorted { ($0.firstSeenAt, $0.partyID) < ($1.firstSeenAt, $1.partyID) }
            if let own = outsideParties.map({ $0.direction == .outbound ? $0.from : $0.to }).first(where: \.isOutside) { return own }
        }
        return nil
    }
}

extension Call {
    /// When the call began: its first party's first sighting.
    var startedAt: Date { self.parties.values.map(\.firstSeenAt).min() ?? .distantFuture }
}

extension CallEndpoint {
    /// True for an end outside the account: a phone number that is not one of our extensions.
    public var isOutside: Bool {
        guard let number = self.phoneNumber, self.extensionID == nil else { return false }
        return number.count > 6 || number.hasPrefix("+")
    }
}

extension CallLeg {
    /// Takes in a later leg of the same extension in the same conversation.
    mutating func extend(with later: CallLeg) {
        if later.inProgress {
            self.inProgress = true
        } else if !self.inProgress {
            self.endedAt = max(self.endedAt, later.endedAt)
        }
        if self.answeredAt == nil, let answeredAt = later.answeredAt {
            self.answeredAt = answeredAt
            self.result = .answered
            self.answeredElsewhere = false
        }
        self.recordingIDs = Array(Set(self.recordingIDs + later.recordingIDs)).sorted()
    }

    /// Makes `outside` the other end of the call, keeping which way the call went.
    mutating func adoptCounterpart(_ outside: CallEndpoint) {
        if self.direction == .inbound { self.from = outside } else { self.to = outside }
    }
}
