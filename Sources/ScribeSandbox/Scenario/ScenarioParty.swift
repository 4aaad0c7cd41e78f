import Foundation

/// One party of a telephony session: an extension on one of its devices, or an outside number, and
/// its status changes over time.
public struct ScenarioParty: Codable, Sendable, Hashable {
    /// Names the party within its call (peers and transcripts refer to it).
    public var id: String
    /// The party's owner: an extension (number or name), a customer (index) or an outside number.
    public var `extension`: String?
    public var customer: Int?
    public var number: String?
    /// `Inbound` or `Outbound`; Outbound when the party is the call's `from`, Inbound otherwise.
    public var direction: String?
    /// The device the extension's party rings on; the same extension on several devices has one party per device.
    public var device: String?
    /// The party was made by a call queue ringing its members.
    public var queueCall: Bool?
    public var timeline: [ScenarioStep]

    public init(
        id: String, extension: String? = nil, customer: Int? = nil, number: String? = nil, direction: String? = nil, device: String? = nil,
        queueCall: Bool? = nil, timeline: [ScenarioStep]
    ) {
        self.id = id
        self.extension = `extension`
        self.customer = customer
        self.number = number
        self.direction = direction
        self.device = device
        self.queueCall = queueCall
        self.timeline = timeline
    }

    /// Who the party belongs to.
    public var owner: ScenarioEndpoint { ScenarioEndpoint(extension: self.extension, customer: self.customer, number: self.number) }

    func validate(path: String) throws(ScenarioError) {
        try self.owner.validate(path: path)
        if let direction, !["Inbound", "Outbound"].contains(direction) {
            throw ScenarioError(field: path + ".direction", message: "must be Inbound or Outbound")
        }
        guard !self.timeline.isEmpty else { throw ScenarioError(field: path + ".timeline", message: "must list at least one status") }
        var last = 0.0
        for (index, step) in self.timeline.enumerated() {
            let stepPath = "\(path).timeline[\(index)]"
            guard step.at.isFinite, step.at >= last else {
                throw ScenarioError(field: stepPath + ".at", message: "must be 0 or more seconds and not before the status above it")
            }
            last = step.at
            guard ScenarioStep.statusCodes.contains(step.status) else {
                throw ScenarioError(field: stepPath + ".status", message: "must be one of \(ScenarioStep.statusCodes.joined(separator: ", "))")
            }
            if let counterpart = step.counterpart { try counterpart.validate(path: stepPath + ".counterpart") }
        }
        guard let final = self.timeline.last, ["Disconnected", "Gone"].contains(final.status) else {
            throw ScenarioError(field: "\(path).timeline[\(self.timeline.count - 1)].status", message: "the last status must be Disconnected or Gone")
        }
    }
}

/// A party's status from `at` seconds after its call's start.
public struct ScenarioStep: Codable, Sendable, Hashable {
    public var at: Double
    /// RingCentral's `status.code`: Setup, Proceeding, Answered, Hold, Parked, VoiceMail, Disconnected, Gone…
    public var status: String
    /// RingCentral's `status.reason`, e.g. `BlindTransfer`; a `Disconnected` without one is a hang-up.
    public var reason: String?
    /// For `Gone`: the party on the other side of the cross call (`status.peerId`).
    public var peer: ScenarioPeer?
    /// RingCentral's `missedCall`; when absent, true on the final status of an inbound party that was never answered nor reached voicemail.
    public var missedCall: Bool?
    /// The far end from this status on (after a transfer the remaining party talks to someone else).
    public var counterpart: ScenarioEndpoint?

    public init(
        at: Double, status: String, reason: String? = nil, peer: ScenarioPeer? = nil, missedCall: Bool? = nil, counterpart: ScenarioEndpoint? = nil
    ) {
        self.at = at
        self.status = status
        self.reason = reason
        self.peer = peer
        self.missedCall = missedCall
        self.counterpart = counterpart
    }

    static let statusCodes = ["Setup", "Proceeding", "Answered", "Hold", "Parked", "VoiceMail", "VoiceMailScreening", "FaxReceive", "Disconnected", "Gone"]
}

/// A party of another call of the scenario, named by the two ids.
public struct ScenarioPeer: Codable, Sendable, Hashable {
    public var call: String
    public var party: String

    public init(call: String, party: String) {
        self.call = call
        self.party = party
    }
}
