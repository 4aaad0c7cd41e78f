import Foundation

/// What the phone system does, in order, to deliver played sessions under a scenario's delivery
/// knobs: each notification (some twice), the insights, and the faults, each at its offset from the
/// scenario's start. Deterministic: the same sessions and knobs give the same plan.
public struct ScenarioDeliveryPlan: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// The `change`-th of the session's ``ScenarioSession/notifiedChanges``.
        case notify(session: Int, change: Int)
        case insights(session: Int)
        case failDeliveries(Int)
        case expireTokens
        case rateLimit(requests: Int, retryAfter: Int)
        case blacklist
    }

    public struct Step: Sendable, Hashable {
        /// Seconds from the scenario's start; ignored when delivering at once.
        public var offset: TimeInterval
        public var action: Action
    }

    public var steps: [Step]

    /// The plan for `sessions` of a scenario that starts at `start`. At once (`realTime` false), a
    /// shuffle is a random order; in real time, each notification is up to `reorderSeconds` late.
    public init(sessions: [ScenarioSession], delivery: ScenarioDelivery?, start: Date, realTime: Bool, insightsDelay: TimeInterval) {
        let knobs = delivery ?? ScenarioDelivery()
        var random = SeededGenerator(seed: knobs.seed ?? 1)
        let delay = knobs.delaySeconds ?? 0
        let shuffle = knobs.shuffle ?? false
        let reorder = knobs.reorderSeconds ?? 2
        var steps: [Step] = []
        for (sessionIndex, session) in sessions.enumerated() {
            for (changeIndex, change) in session.notifiedChanges.enumerated() {
                var copies = 1
                if Double.random(in: 0..<1, using: &random) < (knobs.duplicates ?? 0) { copies = 2 }
                for _ in 0..<copies {
                    let late = realTime && shuffle && reorder > 0 ? Double.random(in: 0...reorder, using: &random) : 0
                    steps.append(Step(offset: change.at.timeIntervalSince(start) + delay + late, action: .notify(session: sessionIndex, change: changeIndex)))
                }
            }
            if let ready = session.recordingReadyAt, let insights = session.insights, !session.answeredParties.isEmpty {
                steps.append(Step(offset: ready.timeIntervalSince(start) + (insights.delay ?? insightsDelay), action: .insights(session: sessionIndex)))
            }
        }
        for failure in knobs.failures ?? [] { steps.append(Step(offset: failure.at, action: .failDeliveries(failure.count))) }
        for at in knobs.tokenExpiries ?? [] { steps.append(Step(offset: at, action: .expireTokens)) }
        for storm in knobs.rateLimitStorms ?? [] { steps.append(Step(offset: storm.at, action: .rateLimit(requests: storm.requests, retryAfter: storm.retryAfter))) }
        if let at = knobs.blacklistAt { steps.append(Step(offset: at, action: .blacklist)) }
        // Stable: at equal offsets, faults come first (they were meant "from" that second), then the rest in the order made.
        steps = steps.enumerated().sorted { lhs, rhs in
            (lhs.element.offset, lhs.element.action.isFault ? 0 : 1, lhs.offset) < (rhs.element.offset, rhs.element.action.isFault ? 0 : 1, rhs.offset)
        }.map(\.element)
        if shuffle && !realTime {
            // All at once, in a random order; the faults keep their places between the deliveries.
            let slots = steps.indices.filter { if case .notify = steps[$0].action { true } else { false } }
            let shuffled = slots.map { steps[$0] }.shuffled(using: &random)
            for (slot, step) in zip(slots, shuffled) { steps[slot] = step }
        }
        self.steps = steps
    }
}

extension ScenarioDeliveryPlan.Action {
    var isFault: Bool {
        switch self {
        case .notify, .insights: false
        case .failDeliveries, .expireTokens, .rateLimit, .blacklist: true
        }
    }
}
