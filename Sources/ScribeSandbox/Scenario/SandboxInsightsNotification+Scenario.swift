import Foundation

extension SandboxInsightsNotification {
    /// RingSense's insights of a recorded scenario session, produced at `producedAt`, for one
    /// subscription: the scenario's summary and transcript (speakers are the session's parties).
    init(session: ScenarioSession, insights: ScenarioInsights, company: SandboxCompany, subscriptionID: String, baseURL: String, producedAt: Date) {
        let accountID = company.accountID
        let recordingID = session.recordingID ?? ""
        let owner = session.answeredParties.first.flatMap { session.parties[$0].employee } ?? session.parties.compactMap(\.employee).first
        let answeredAt = session.firstAnswer ?? session.startedAt
        let talk = max(session.endedAt.timeIntervalSince(answeredAt), 1)
        let lines = insights.transcript ?? []
        let step = talk / Double(max(lines.count, 1))
        let speakers: [Speaker] = session.parties.map { party in
            if let employee = party.employee {
                return Speaker(speakerId: party.partyID, name: employee.name, accountId: accountID, extensionId: employee.extensionID)
            }
            let change = session.changes.first { $0.party == party.partyIndex(in: session) }
            let number = change.map { party.direction == "Outbound" ? $0.from.phoneNumber : $0.to.phoneNumber } ?? ""
            let customer = company.customers.first { $0.phoneNumber == number }.map { "\($0.firstName) \($0.lastName)" }
            return Speaker(speakerId: party.partyID, name: customer ?? number, accountId: nil, extensionId: nil)
        }
        let segments = lines.enumerated().map { index, line in
            Segment(
                speakerId: session.parties.first { $0.label == line.party }?.partyID ?? "", text: line.text, start: Double(index) * step,
                end: Double(index + 1) * step - 0.2
            )
        }
        let time = PhoneSandboxPayloads.time(producedAt)
        self.uuid = "\(session.telephonySessionID)-insights-3f8a61c0"
        self.event = "/ai/ringsense/v1/public/accounts/\(accountID)/domains/pbx/insights"
        self.timestamp = time
        self.subscriptionId = subscriptionID
        self.ownerId = accountID
        self.body = Body(
            title: insights.summary.split(separator: ".").first.map(String.init) ?? "Call",
            rsRecordUri: "\(baseURL)/ai/ringsense/v1/public/accounts/\(accountID)/domains/pbx/records/\(recordingID)/insights",
            sourceRecordId: recordingID, sourceSessionId: session.telephonySessionID,
            callDirection: session.fromExtension == nil ? "Inbound" : "Outbound", ownerExtensionId: owner?.extensionID ?? "",
            recordingDurationMs: Int((talk * 1000).rounded()), recordingStartTime: PhoneSandboxPayloads.time(answeredAt), creationTime: time,
            lastModifiedTime: time, speakerInfo: speakers,
            insights: Insights(
                transcript: segments, summary: [Timed(value: insights.summary, start: 0, end: talk)],
                bulletedSummary: [Bullet(value: insights.summary, section: "Discussion")], sentiment: [Value(value: "Neutral")]
            )
        )
    }
}

extension ScenarioSession.Party {
    func partyIndex(in session: ScenarioSession) -> Int? { session.parties.firstIndex(of: self) }
}
