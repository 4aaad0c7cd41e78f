import Foundation

/// The Detailed-view call-log record of a finished scenario session, as it stands at `now`: one
/// record for the session, with a leg for each extension that took part in the conversation
/// (answered or reached voicemail; every extension rung when nobody answered), so that the
/// call-log sweep sees the same call as the webhooks told.
enum ScenarioCallLog {
    static func record(for session: ScenarioSession, accountID: String, baseURL: String, now: Date) -> [String: Any] {
        let internalCall = session.fromExtension != nil && session.toExtension != nil
        // From the company's side: a call an extension placed (to anyone) is outbound.
        let direction = session.fromExtension != nil ? "Outbound" : "Inbound"
        let inbound = direction == "Inbound"
        let answered = !session.answeredParties.isEmpty
        let voicemail = session.changes.contains { $0.code == "VoiceMail" }
        let result = answered ? (inbound ? "Accepted" : "Call connected") : voicemail ? "Voicemail" : (inbound ? "Missed" : "No Answer")
        let duration = Int(session.endedAt.timeIntervalSince(session.startedAt).rounded())
        var record: [String: Any] = [
            "uri": "\(baseURL)/restapi/v1.0/account/\(accountID)/call-log/\(session.callLogID)?view=Detailed",
            "id": session.callLogID, "sessionId": session.sessionID, "telephonySessionId": session.telephonySessionID,
            "startTime": PhoneSandboxPayloads.time(session.startedAt), "duration": duration, "durationMs": duration * 1000, "type": "Voice",
            "internalType": internalCall ? "Usual" : "Local", "direction": direction, "action": "Phone Call", "result": result,
            "from": self.party(session.from, employee: session.fromExtension), "to": self.party(session.to, employee: session.toExtension),
            "transport": internalCall ? "VoIP" : "PSTN", "lastModifiedTime": PhoneSandboxPayloads.time(session.endedAt),
            "legs": self.legs(session, accountID: accountID, baseURL: baseURL, internalCall: internalCall),
        ]
        if let id = session.partyIDOfFirstExtension { record["partyId"] = id }
        if let id = session.recordingID, let ready = session.recordingReadyAt, ready <= now, answered {
            record["recording"] = [
                "id": id, "uri": "\(baseURL)/restapi/v1.0/account/\(accountID)/recording/\(id)", "type": "Automatic",
                "contentUri": "\(baseURL)/restapi/v1.0/account/\(accountID)/recording/\(id)/content",
            ]
        }
        return record
    }

    /// One leg per extension that took part, in the order they joined.
    private static func legs(_ session: ScenarioSession, accountID: String, baseURL: String, internalCall: Bool) -> [[String: Any]] {
        let extensionParties = session.parties.indices.filter { session.parties[$0].employee != nil }
        let took = extensionParties.filter { index in session.changes.contains { $0.party == index && ["Answered", "VoiceMail"].contains($0.code) } }
        var chosen: [Int] = []
        for index in (took.isEmpty ? extensionParties : took) where !chosen.contains(where: { session.parties[$0].employee == session.parties[index].employee }) {
            chosen.append(index)
        }
        chosen.sort { session.span(of: $0).start < session.span(of: $1).start }
        return chosen.enumerated().map { position, index -> [String: Any] in
            let party = session.parties[index]
            let changes = session.changes.filter { $0.party == index }
            let span = session.span(of: index)
            let inbound = party.direction == "Inbound"
            let result =
                if changes.contains(where: { $0.code == "Answered" }) { inbound ? "Accepted" : "Call connected" }
                else if changes.contains(where: { $0.code == "VoiceMail" }) { "Voicemail" } else { inbound ? "Missed" : "No Answer" }
            let last = changes.last ?? session.changes[0]
            let employee = party.employee!
            let transferred = session.changes.contains { $0.at <= span.start && ["BlindTransfer", "AttendedTransfer"].contains($0.reason ?? "") }
            return [
                "startTime": PhoneSandboxPayloads.time(span.start), "duration": Int(span.end.timeIntervalSince(span.start).rounded()), "type": "Voice",
                "direction": party.direction, "action": "Phone Call", "result": result,
                "from": self.party(last.from, employee: inbound ? nil : employee), "to": self.party(last.to, employee: inbound ? employee : nil),
                "extension": ["id": Int64(employee.extensionID) ?? 0, "uri": "\(baseURL)/restapi/v1.0/account/\(accountID)/extension/\(employee.extensionID)"],
                "legType": internalCall ? "ExtensionToExtension" : (transferred ? "TransferCall" : "Accept"), "master": position == 0,
                "transport": internalCall ? "VoIP" : "PSTN",
            ]
        }
    }

    /// A call-log `from` / `to`: the number, and for an extension its number, id and name.
    private static func party(_ endpoint: SandboxNotification.Endpoint, employee: SandboxCompany.Employee?) -> [String: Any] {
        var party: [String: Any] = ["phoneNumber": endpoint.phoneNumber]
        if let name = endpoint.name { party["name"] = name }
        if let employee {
            party["phoneNumber"] = employee.directNumber
            party["extensionNumber"] = employee.extensionNumber
            party["extensionId"] = employee.extensionID
            party["name"] = employee.name
        } else if let id = endpoint.extensionId {
            party["extensionId"] = id
        }
        return party
    }
}

extension ScenarioSession {
    /// The first extension party's id: the record's `partyId`.
    var partyIDOfFirstExtension: String? { self.parties.first { $0.employee != nil }?.partyID }
}
