import Foundation
import Yams

/// A scenario file: exact call situations for the sandbox phone system to replay — telephony
/// sessions with their parties, devices, transfers, queues, timings, recordings and insights — and
/// how unreliable the delivery of their notifications is.
///
/// Written in JSON or YAML (the same keys); ``PhoneSystemSandbox/play(_:startingAt:realTime:)``
/// turns it into exactly what RingCentral sends and serves.
public struct Scenario: Codable, Sendable, Hashable {
    /// What the scenario shows, for people reading it.
    public var name: String
    public var description: String?
    /// The telephony sessions, each placed at its own offset from the scenario's start.
    public var calls: [ScenarioCall]
    /// Duplicates, reordering, delays and faults; an orderly delivery when absent.
    public var delivery: ScenarioDelivery?

    public init(name: String, description: String? = nil, calls: [ScenarioCall], delivery: ScenarioDelivery? = nil) {
        self.name = name
        self.description = description
        self.calls = calls
        self.delivery = delivery
    }

    /// Reads a scenario file: JSON when its name ends in `.json` or its text starts with `{`, YAML otherwise.
    public static func load(contentsOf url: URL) throws(ScenarioError) -> Scenario {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ScenarioError(field: "file", message: "cannot read \(url.path): \(error.localizedDescription)")
        }
        let json = url.pathExtension.lowercased() == "json" || data.first(where: { !Character(UnicodeScalar($0)).isWhitespace }) == UInt8(ascii: "{")
        return try json ? Self.decodeJSON(data) : Self.decodeYAML(String(decoding: data, as: UTF8.self))
    }

    /// A scenario from JSON, checked.
    public static func decodeJSON(_ data: Data) throws(ScenarioError) -> Scenario {
        let scenario: Scenario
        do {
            scenario = try JSONDecoder().decode(Scenario.self, from: data)
        } catch let error as DecodingError {
            throw ScenarioError(error)
        } catch {
            throw ScenarioError(field: "file", message: "is not valid JSON")
        }
        try scenario.validate()
        return scenario
    }

    /// A scenario from YAML, checked.
    public static func decodeYAML(_ text: String) throws(ScenarioError) -> Scenario {
        let scenario: Scenario
        do {
            scenario = try YAMLDecoder().decode(Scenario.self, from: text)
        } catch let error as DecodingError {
            throw ScenarioError(error)
        } catch {
            throw ScenarioError(field: "file", message: "is not valid YAML: \(error)")
        }
        try scenario.validate()
        return scenario
    }

    /// Checks what decoding cannot: unique ids, known statuses, times in order, references that resolve within the file.
    /// (Extensions and customers are checked against the company when the scenario is played.)
    public func validate() throws(ScenarioError) {
        guard !self.calls.isEmpty else { throw ScenarioError(field: "calls", message: "must list at least one call") }
        var callIDs = Set<String>()
        for (index, call) in self.calls.enumerated() {
            guard callIDs.insert(call.id).inserted else { throw ScenarioError(field: "calls[\(index)].id", message: "'\(call.id)' is used twice") }
            try call.validate(path: "calls[\(index)]")
        }
        for (index, call) in self.calls.enumerated() {
            for (partyIndex, party) in call.parties.enumerated() {
                for (stepIndex, step) in party.timeline.enumerated() {
                    guard let peer = step.peer else { continue }
                    let path = "calls[\(index)].parties[\(partyIndex)].timeline[\(stepIndex)].peer"
                    guard let other = self.calls.first(where: { $0.id == peer.call }) else {
                        throw ScenarioError(field: path + ".call", message: "no call '\(peer.call)' in the scenario")
                    }
                    guard other.parties.contains(where: { $0.id == peer.party }) else {
                        throw ScenarioError(field: path + ".party", message: "call '\(peer.call)' has no party '\(peer.party)'")
                    }
                }
            }
        }
        try self.delivery?.validate(path: "delivery")
    }
}
