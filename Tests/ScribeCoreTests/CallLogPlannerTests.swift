import Foundation
import ScribeCore
import Testing

@Suite("CallLogPlanner")
struct CallLogPlannerTests {
    typealias F = CallFixtures

    /// A call transferred from ext-101 to ext-102: both extensions took part and both have hung up.
    static let transferredCall = F.fold([
        F.event("e-1", sequence: 1, at: 0, F.party(.answered, id: "p-1", extension: "ext-101")),
        F.event("e-2", sequence: 2, at: 30, F.party(.disconnected, id: "p-1", extension: "ext-101"), F.party(.answered, id: "p-2", extension: "ext-102")),
        F.event("e-3", sequence: 3, at: 90, F.party(.disconnected, id: "p-2", extension: "ext-102")),
    ])

    static func counter() -> () -> String {
        var next = 0
        return {
            next += 1
            return "log-\(next)"
        }
    }

    func key(_ extensionID: ExtensionID, _ connectionID: ConnectionID) -> CallLogKey {
        CallLogKey(accountID: "acc-1", extensionID: extensionID, sessionID: "s-1", connectionID: connectionID)
    }

    @Test("plans one new log per ended extension leg per connection")
    func oneLogPerLegPerConnection() {
        let now = F.t0.addingTimeInterval(100)
        let logs = CallLogPlanner.newLogs(for: Self.transferredCall, connections: ["hubspot", "pipedrive"], existing: [], now: now, makeID: Self.counter())
        #expect(logs.map(\.key) == [key("ext-101", "hubspot"), key("ext-101", "pipedrive"), key("ext-102", "hubspot"), key("ext-102", "pipedrive")])
        #expect(logs.map(\.id) == ["log-1", "log-2", "log-3", "log-4"])
        #expect(logs.allSatisfy { $0.state == .observed && $0.attempts == 0 && $0.createdAt == now && $0.updatedAt == now })
        #expect(logs.map(\.leg.extensionID) == ["ext-101", "ext-101", "ext-102", "ext-102"])
        #expect(logs.map(\.leg.duration) == [30, 30, 60, 60])
    }

    @Test("skips keys the ledger already holds")
    func skipsExisting() {
        let existing: Set = [key("ext-101", "hubspot"), key("ext-102", "pipedrive")]
        let logs = CallLogPlanner.newLogs(for: Self.transferredCall, connections: ["hubspot", "pipedrive"], existing: existing, now: F.t0, makeID: Self.counter())
        #expect(logs.map(\.key) == [key("ext-101", "pipedrive"), key("ext-102", "hubspot")])
        #expect(logs.map(\.id) == ["log-1", "log-2"])
    }

    @Test("plans nothing without connections or ended legs")
    func nothingToPlan() {
        #expect(CallLogPlanner.newLogs(for: Self.transferredCall, connections: [], existing: [], now: F.t0, makeID: Self.counter()).isEmpty)
        let ongoing = F.fold(Array(F.answeredCall.prefix(3)))
        #expect(CallLogPlanner.newLogs(for: ongoing, connections: ["hubspot"], existing: [], now: F.t0, makeID: Self.counter()).isEmpty)
    }
}
