import Foundation

/// One telephony session of a scenario: who called whom, the parties the phone system made for it
/// (one per extension and device it rang, plus the outside caller), and each party's status changes.
public struct ScenarioCall: Codable, Sendable, Hashable {
    /// Names the call within the scenario (peers refer to it); its telephony session id is derived.
    public var id: String
    /// Seconds from the scenario's start to the session's first event.
    public var at: Double?
    /// Who placed the call and whom they dialled: the ends every party's `from` and `to` start from.
    public var from: ScenarioEndpoint
    public var to: ScenarioEndpoint
    /// RingCentral's `origin.type`: `Call` unless told (a conference bridge is `Conference`).
    public var origin: String?
    public var parties: [ScenarioParty]
    /// The call is recorded: every party that answers carries the recording.
    public var recording: ScenarioRecording?
    /// RingSense insights for the recording, delivered to subscriptions that ask for them.
    public var insights: ScenarioInsights?

    public init(
        id: String, at: Double? = nil, from: ScenarioEndpoint, to: ScenarioEndpoint, origin: String? = nil, parties: [ScenarioParty],
        recording: ScenarioRecording? = nil, insights: ScenarioInsights? = nil
    ) {
        self.id = id
        self.at = at
        self.from = from
        self.to = to
        self.origin = origin
        self.parties = parties
        self.recording = recording
        self.insights = insights
    }

    func validate(path: String) throws(ScenarioError) {
        guard !self.id.isEmpty else { throw ScenarioError(field: path + ".id", message: "must not be empty") }
        if let at, !(at.isFinite && at >= 0) { throw ScenarioError(field: path + ".at", message: "must be 0 or more seconds") }
        try self.from.validate(path: path + ".from")
        try self.to.validate(path: path + ".to")
        guard !self.parties.isEmpty else { throw ScenarioError(field: path + ".parties", message: "must list at least one party") }
        var ids = Set<String>()
        for (index, party) in self.parties.enumerated() {
            guard ids.insert(party.id).inserted else { throw ScenarioError(field: "\(path).parties[\(index)].id", message: "'\(party.id)' is used twice") }
            try party.validate(path: "\(path).parties[\(index)]")
        }
        if let readyAfter = self.recording?.readyAfter, !(readyAfter.isFinite && readyAfter >= 0) {
            throw ScenarioError(field: path + ".recording.readyAfter", message: "must be 0 or more seconds")
        }
        if let insights {
            guard self.recording != nil else { throw ScenarioError(field: path + ".insights", message: "needs a recording") }
            for (index, line) in (insights.transcript ?? []).enumerated() where !ids.contains(line.party) {
                throw ScenarioError(field: "\(path).insights.transcript[\(index)].party", message: "no party '\(line.party)' in call '\(self.id)'")
            }
        }
    }
}

/// A call's recording.
public struct ScenarioRecording: Codable, Sendable, Hashable {
    /// Seconds after the session ends until the recording can be fetched (and is in the call log);
    /// about the call's length when absent, as with RingCentral.
    public var readyAfter: Double?

    public init(readyAfter: Double? = nil) {
        self.readyAfter = readyAfter
    }
}

/// What RingSense says about a recorded call.
public struct ScenarioInsights: Codable, Sendable, Hashable {
    public var summary: String
    public var transcript: [ScenarioTranscriptLine]?
    /// Seconds after the recording is ready until the insights are delivered (the sandbox's `insightsDelay` when absent).
    public var delay: Double?

    public init(summary: String, transcript: [ScenarioTranscriptLine]? = nil, delay: Double? = nil) {
        self.summary = summary
        self.transcript = transcript
        self.delay = delay
    }
}

/// One line of a transcript, said by a party of the call.
public struct ScenarioTranscriptLine: Codable, Sendable, Hashable {
    public var party: String
    public var text: String

    public init(party: String, text: String) {
        self.party = party
        self.text = text
    }
}
