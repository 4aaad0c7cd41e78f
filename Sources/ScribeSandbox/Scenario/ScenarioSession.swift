import Foundation

/// A scenario call made concrete on the sandbox company: a telephony session with RingCentral's ids,
/// its parties with their ends as the phone system reports them, and every status change numbered
/// with the session's `sequence` in the order they happen.
public struct ScenarioSession: Sendable, Hashable {
    /// A party of the session.
    public struct Party: Sendable, Hashable {
        /// The scenario's name for the party.
        public var label: String
        /// RingCentral's party id, e.g. `p-5ce0000000000001-2`.
        public var partyID: String
        /// The extension owning the party; nil for an outside number, which RingCentral does not notify about.
        public var employee: SandboxCompany.Employee?
        public var direction: String
        public var deviceID: String?
        public var queueCall: Bool
    }

    /// One status change of one party.
    public struct Change: Sendable, Hashable {
        public var sequence: Int
        /// Index into ``ScenarioSession/parties``.
        public var party: Int
        public var code: String
        public var reason: String?
        public var at: Date
        public var missedCall: Bool
        /// The cross-call party for `Gone` (`status.peerId`).
        var peer: SandboxNotification.PeerID?
        var from: SandboxNotification.Endpoint
        var to: SandboxNotification.Endpoint
        /// The recording this party carries from its answer on, and whether it is recording now.
        var recording: SandboxNotification.Recording?
    }

    /// The scenario call this session plays.
    public var callID: String
    public var number: Int
    public var origin: String
    public var parties: [Party]
    /// In `sequence` order.
    public var changes: [Change]
    public var recordingID: String?
    public var recordingReadyAt: Date?
    public var insights: ScenarioInsights?
    /// The scenario's ends of the call, for the call log.
    var from: SandboxNotification.Endpoint
    var to: SandboxNotification.Endpoint
    var fromExtension: SandboxCompany.Employee?
    var toExtension: SandboxCompany.Employee?

    public var telephonySessionID: String { Self.telephonySessionID(number: self.number) }
    public var sessionID: String { String(600_000_000_000 + self.number) }
    public var callLogID: String { "SC\(String(format: "%010d", self.number))" }
    public var startedAt: Date { self.changes.first?.at ?? .distantPast }
    public var endedAt: Date { self.changes.last?.at ?? .distantPast }

    static func telephonySessionID(number: Int) -> String { "s-5ce0\(String(format: "%012x", number))" }
    static func partyID(number: Int, index: Int) -> String { "p-5ce0\(String(format: "%012x", number))-\(index + 1)" }

    /// The changes RingCentral notifies a subscriber about: those of the company's own parties.
    public var notifiedChanges: [Change] { self.changes.filter { self.parties[$0.party].employee != nil } }

    /// The extension parties that answered, in the order they did.
    var answeredParties: [Int] {
        var seen: [Int] = []
        for change in self.changes where change.code == "Answered" && self.parties[change.party].employee != nil && !seen.contains(change.party) {
            seen.append(change.party)
        }
        return seen
    }

    /// When the first party answered.
    var firstAnswer: Date? { self.changes.first { $0.code == "Answered" }?.at }

    /// The time a party's status changes span: first status to last.
    func span(of party: Int) -> (start: Date, end: Date) {
        let times = self.changes.filter { $0.party == party }.map(\.at)
        return (times.min() ?? self.startedAt, times.max() ?? self.endedAt)
    }
}

extension ScenarioSession {
    /// Makes `call` concrete as session `number` starting at `start`, resolving extensions and
    /// customers against `company`; `peers` gives the session number of each call id of the scenario.
    init(
        _ call: ScenarioCall, path: String, number: Int, start: Date, company: SandboxCompany, peers: [String: Int], scenario: Scenario
    ) throws(ScenarioError) {
        let resolver = ScenarioEndpointResolver(company: company)
        let fromEmployee = try resolver.employee(call.from, path: path + ".from")
        let toEmployee = try resolver.employee(call.to, path: path + ".to")
        let internalCall = fromEmployee != nil && toEmployee != nil
        var parties: [Party] = []
        var changes: [Change] = []
        let recordingID = call.recording == nil ? nil : String(900_000_000 + number)
        for (index, party) in call.parties.enumerated() {
            let partyPath = "\(path).parties[\(index)]"
            let employee = try resolver.employee(party.owner, path: partyPath)
            let isCaller = employee.map { $0 == fromEmployee } ?? (party.owner == call.from)
            let direction = party.direction ?? (isCaller ? "Outbound" : "Inbound")
            let outbound = direction == "Outbound"
            let device = employee.map { party.device ?? "80\($0.extensionNumber)004" }
            var counterpart = outbound ? call.to : call.from
            if try resolver.employee(counterpart, path: partyPath).map({ $0 == employee }) ?? (counterpart == party.owner) {
                counterpart = outbound ? call.from : call.to
            }
            parties.append(
                Party(
                    label: party.id, partyID: Self.partyID(number: number, index: index), employee: employee, direction: direction, deviceID: device,
                    queueCall: party.queueCall ?? false
                )
            )
            let answeredOrVoicemail = party.timeline.contains { ["Answered", "VoiceMail"].contains($0.status) }
            var answered = false
            for (stepIndex, step) in party.timeline.enumerated() {
                let stepPath = "\(partyPath).timeline[\(stepIndex)]"
                if let newCounterpart = step.counterpart { counterpart = newCounterpart }
                let far = try resolver.endpoint(counterpart, own: false, internalCall: internalCall, path: stepPath + ".counterpart")
                var own = try resolver.endpoint(party.owner, own: true, internalCall: internalCall && !outbound, path: partyPath)
                own.deviceId = device
                if step.status == "Answered" { answered = true }
                let final = stepIndex == party.timeline.count - 1
                let missed = step.missedCall ?? (final && !outbound && !answeredOrVoicemail && step.status == "Disconnected" && step.reason == nil)
                let peer = try step.peer.map { peer throws(ScenarioError) -> SandboxNotification.PeerID in
                    guard let peerNumber = peers[peer.call], let peerCall = scenario.calls.first(where: { $0.id == peer.call }),
                        let peerIndex = peerCall.parties.firstIndex(where: { $0.id == peer.party })
                    else { throw ScenarioError(field: stepPath + ".peer", message: "names no party of the scenario") }
                    return SandboxNotification.PeerID(
                        sessionId: String(600_000_000_000 + peerNumber), telephonySessionId: Self.telephonySessionID(number: peerNumber),
                        partyId: Self.partyID(number: peerNumber, index: peerIndex)
                    )
                }
                let recording = recordingID.flatMap { id in answered ? SandboxNotification.Recording(id: id, active: step.status == "Answered") : nil }
                changes.append(
                    Change(
                        sequence: 0, party: index, code: step.status, reason: step.reason, at: start.addingTimeInterval(step.at), missedCall: missed,
                        peer: peer, from: outbound ? own : far, to: outbound ? far : own, recording: recording
                    )
                )
            }
        }
        // One sequence for the whole session, in the order things happen (parties in file order at the same moment).
        changes = changes.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        for index in changes.indices { changes[index].sequence = index + 1 }
        self.callID = call.id
        self.number = number
        self.origin = call.origin ?? "Call"
        self.parties = parties
        self.changes = changes
        self.recordingID = recordingID
        self.insights = call.insights
        self.from = try resolver.endpoint(call.from, own: false, internalCall: false, path: path + ".from")
        self.to = try resolver.endpoint(call.to, own: false, internalCall: internalCall, path: path + ".to")
        self.fromExtension = fromEmployee
        self.toExtension = toEmployee
        if let recording = call.recording {
            let end = changes.last?.at ?? start
            let talk = changes.first { $0.code == "Answered" }.map { end.timeIntervalSince($0.at) } ?? 0
            self.recordingReadyAt = end.addingTimeInterval(recording.readyAfter ?? talk)
        } else {
            self.recordingReadyAt = nil
        }
    }
}

/// Finds a scenario's extensions and customers in the sandbox company and renders them as RingCentral does.
struct ScenarioEndpointResolver {
    let company: SandboxCompany

    /// The extension `endpoint` names, or nil when it is an outside number.
    func employee(_ endpoint: ScenarioEndpoint, path: String) throws(ScenarioError) -> SandboxCompany.Employee? {
        guard let wanted = endpoint.extension else { return nil }
        let match = self.company.employees.first { $0.extensionNumber == wanted || $0.name.caseInsensitiveCompare(wanted) == .orderedSame }
        guard let match else {
            let known = self.company.employees.map { "\($0.extensionNumber) (\($0.name))" }.joined(separator: ", ")
            throw ScenarioError(field: path + ".extension", message: "no extension '\(wanted)'; the company has \(known)")
        }
        return match
    }

    /// How a party's `from` or `to` shows `endpoint`. An extension is its direct number on its own
    /// party, and its extension number as the far end of an internal call or as the called end of one.
    func endpoint(_ endpoint: ScenarioEndpoint, own: Bool, internalCall: Bool, path: String) throws(ScenarioError) -> SandboxNotification.Endpoint {
        if let employee = try self.employee(endpoint, path: path) {
            let number = own && !internalCall ? employee.directNumber : employee.extensionNumber
            return SandboxNotification.Endpoint(phoneNumber: number, name: employee.name, extensionId: employee.extensionID)
        }
        if let index = endpoint.customer {
            guard self.company.customers.indices.contains(index) else {
                throw ScenarioError(field: path + ".customer", message: "must be from 0 to \(self.company.customers.count - 1)")
            }
            return SandboxNotification.Endpoint(phoneNumber: self.company.customers[index].phoneNumber)
        }
        return SandboxNotification.Endpoint(phoneNumber: endpoint.number ?? "")
    }
}
