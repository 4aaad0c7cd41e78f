import Foundation

extension SandboxNotification {
    /// The notification of one status change of a scenario session, for one subscription. As
    /// RingCentral does, it carries the party whose status changed (with both its ends, its device,
    /// recording and peer), numbered by the session's `sequence`; its `uuid` is derived from the
    /// change, so a repeated delivery is recognisably the same notification.
    init(session: ScenarioSession, change: ScenarioSession.Change, accountID: String, subscriptionID: String) {
        let party = session.parties[change.party]
        let time = PhoneSandboxPayloads.time(change.at)
        self.uuid = "\(session.telephonySessionID)-\(change.sequence)-7b3d5e91"
        self.event = "/restapi/v1.0/account/\(accountID)/telephony/sessions"
        self.timestamp = time
        self.subscriptionId = subscriptionID
        self.ownerId = accountID
        self.body = Body(
            sequence: change.sequence, sessionId: session.sessionID, telephonySessionId: session.telephonySessionID, serverId: "10.13.123.45.TAM",
            eventTime: time, origin: Origin(type: session.origin),
            parties: [
                Party(
                    accountId: accountID, extensionId: party.employee?.extensionID ?? "", id: party.partyID, direction: party.direction,
                    from: change.from, to: change.to,
                    status: Status(code: change.code, reason: change.reason, rcc: false, peerId: change.peer),
                    missedCall: change.missedCall, standAlone: false, muted: false, recordings: change.recording.map { [$0] },
                    queueCall: party.queueCall ? true : nil
                )
            ]
        )
    }
}
