import Foundation
import Synchronization

/// Scenario files on the sandbox phone system: exact call situations, replayed end to end.
extension PhoneSystemSandbox {
    /// The scenario sessions placed so far, in order.
    public var scenarioSessions: [ScenarioSession] { self.state.withLock { $0.scenarioSessions } }

    /// Makes `scenario` concrete on the company, starting at `start`, and records its sessions so that
    /// the call log lists them once they end and their recordings are served once ready. Nothing is
    /// delivered yet: ``deliver(_:delivery:start:realTime:)`` does that.
    @discardableResult
    public func place(_ scenario: Scenario, startingAt start: Date) throws(ScenarioError) -> [ScenarioSession] {
        try scenario.validate()
        let first = self.state.withLock { ($0.scenarioSessions.map(\.number).max() ?? 0) + 1 }
        let numbers = Dictionary(uniqueKeysWithValues: scenario.calls.enumerated().map { ($1.id, first + $0) })
        var sessions: [ScenarioSession] = []
        for (index, call) in scenario.calls.enumerated() {
            sessions.append(
                try ScenarioSession(
                    call, path: "calls[\(index)]", number: first + index, start: start.addingTimeInterval(call.at ?? 0), company: self.company,
                    peers: numbers, scenario: scenario
                )
            )
        }
        self.state.withLock { $0.scenarioSessions.append(contentsOf: sessions) }
        return sessions
    }

    /// Places `scenario` and delivers it as its `delivery` knobs say (``play(_:startingAt:realTime:delivery:)`` with the file's own knobs).
    @discardableResult
    public func play(_ scenario: Scenario, startingAt start: Date = Date(), realTime: Bool) async throws(ScenarioError) -> [ScenarioSession] {
        try await self.play(scenario, startingAt: start, realTime: realTime, delivery: scenario.delivery)
    }

    /// Places `scenario` and delivers its sessions under `delivery` (overriding the file's knobs).
    @discardableResult
    public func play(_ scenario: Scenario, startingAt start: Date, realTime: Bool, delivery: ScenarioDelivery?) async throws(ScenarioError) -> [ScenarioSession] {
        let sessions = try self.place(scenario, startingAt: start)
        await self.deliver(sessions, delivery: delivery, start: start, realTime: realTime)
        return sessions
    }

    /// Carries out the delivery plan of `sessions`: in real time each step waits for its moment, otherwise all go at once, in the plan's order.
    public func deliver(_ sessions: [ScenarioSession], delivery: ScenarioDelivery?, start: Date, realTime: Bool) async {
        let plan = ScenarioDeliveryPlan(sessions: sessions, delivery: delivery, start: start, realTime: realTime, insightsDelay: self.insightsDelay)
        for step in plan.steps {
            if realTime {
                let wait = start.addingTimeInterval(step.offset).timeIntervalSinceNow
                if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
            }
            if Task.isCancelled { return }
            switch step.action {
            case .notify(let session, let change):
                await self.notify(sessions[session], change: sessions[session].notifiedChanges[change])
            case .insights(let session):
                await self.deliverInsights(of: sessions[session])
            case .failDeliveries(let count):
                self.dropNextDeliveries(count)
            case .expireTokens:
                self.revokeTokens()
            case .rateLimit(let requests, let retryAfter):
                self.rateLimitNext(requests, retryAfter: retryAfter)
            case .blacklist:
                self.blacklistSubscriptions()
            }
        }
    }

    /// Posts one status change to every subscription for telephony sessions.
    func notify(_ session: ScenarioSession, change: ScenarioSession.Change) async {
        for subscription in self.activeSubscriptions() where subscription.wants(.telephonySessions) {
            let notification = SandboxNotification(session: session, change: change, accountID: self.company.accountID, subscriptionID: subscription.id)
            await self.post((try? JSONEncoder().encode(notification)) ?? Data(), to: subscription)
        }
        if change.sequence == session.changes.count {
            self.state.withLock { $0.hangUpsSent[session.telephonySessionID] = Date() }
        }
    }

    /// Posts the session's RingSense insights to every subscription that asked for them.
    func deliverInsights(of session: ScenarioSession) async {
        guard let insights = session.insights, session.recordingID != nil else { return }
        let producedAt = (session.recordingReadyAt ?? session.endedAt).addingTimeInterval(insights.delay ?? self.insightsDelay)
        for subscription in self.activeSubscriptions() where subscription.wants(.pbxInsights) {
            let notification = SandboxInsightsNotification(
                session: session, insights: insights, company: self.company, subscriptionID: subscription.id, baseURL: self.baseURL.get(), producedAt: producedAt
            )
            await self.post((try? JSONEncoder().encode(notification)) ?? Data(), to: subscription)
        }
        self.state.withLock { $0.insightsSent[session.telephonySessionID] = Date() }
    }

    /// Call-log records of the scenario sessions that have ended by `now`, with their start times:
    /// those in `telephonySessionID` when given, otherwise those that started in `dateFrom..<dateTo`.
    func scenarioCallLog(dateFrom: Date, dateTo: Date, telephonySessionID: String?, now: Date) -> [(start: Date, record: [String: Any])] {
        self.scenarioSessions.filter { session in
            session.endedAt <= now
                && (telephonySessionID.map { session.telephonySessionID == $0 } ?? (session.startedAt >= dateFrom && session.startedAt < dateTo))
        }.map { (start: $0.startedAt, record: ScenarioCallLog.record(for: $0, accountID: self.company.accountID, baseURL: self.baseURL.get(), now: now)) }
    }

    /// Whether recording `id` belongs to an answered scenario session and is ready at `now`.
    func scenarioRecordingReady(_ id: String, now: Date) -> Bool {
        self.scenarioSessions.contains { $0.recordingID == id && !$0.answeredParties.isEmpty && ($0.recordingReadyAt ?? .distantFuture) <= now }
    }
}
