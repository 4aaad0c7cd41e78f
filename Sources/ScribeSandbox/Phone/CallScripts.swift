import Foundation

/// Makes realistic calls for the sandbox company: mostly customers, some strangers; inbound and
/// outbound; answered, missed and voicemail; some recorded.
public struct CallScripts: Sendable {
    public let company: SandboxCompany
    /// Multiplies ring and talk times (1 = realistic minutes; the demo uses a fraction).
    public var timeScale: Double

    public init(company: SandboxCompany, timeScale: Double = 1) {
        self.company = company
        self.timeScale = timeScale
    }

    /// One call placed at `start`.
    public func call(number: Int, placedAt start: Date, using random: inout SeededGenerator) -> ScriptedCall {
        let employee = self.company.employees[Int.random(in: 0..<self.company.employees.count, using: &random)]
        let fromStranger = Int.random(in: 0..<10, using: &random) == 0
        let customer =
            fromStranger
            ? self.company.strangers[Int.random(in: 0..<self.company.strangers.count, using: &random)]
            : self.company.customers[Int.random(in: 0..<self.company.customers.count, using: &random)].phoneNumber
        let inbound = Int.random(in: 0..<10, using: &random) < 6
        let roll = Int.random(in: 0..<100, using: &random)
        let outcome: ScriptedCall.Outcome = roll < 70 ? .answered : (roll < 85 || !inbound ? .missed : .voicemail)
        return ScriptedCall(
            number: number, extensionID: employee.extensionID, extensionNumber: employee.extensionNumber, employeeName: employee.name,
            employeeNumber: employee.directNumber, customerNumber: customer, direction: inbound ? "Inbound" : "Outbound", outcome: outcome,
            placedAt: start, ringSeconds: Double.random(in: 4...25, using: &random) * self.timeScale,
            talkSeconds: Double.random(in: 20...600, using: &random) * self.timeScale,
            recorded: Int.random(in: 0..<10, using: &random) < 3
        )
    }

    /// A call that has just ended at `end`: for benchmarks, whose events are sent at once.
    public func endedCall(number: Int, endingAt end: Date, using random: inout SeededGenerator) -> ScriptedCall {
        var call = self.call(number: number, placedAt: end, using: &random)
        call.placedAt = end.addingTimeInterval(-(call.endedAt.timeIntervalSince(call.placedAt)))
        return call
    }
}
