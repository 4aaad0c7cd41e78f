import Foundation

/// The JSON the sandbox phone system sends and serves, shaped exactly like RingCentral's.
enum PhoneSandboxPayloads {
    static let formatter = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func time(_ date: Date) -> String { self.formatter.format(date) }

    /// The Detailed-view call-log record of a finished call, as it stands at `now`: a recording is
    /// listed once it is ready, about as long after the call as the call lasted.
    static func callLogRecord(for call: ScriptedCall, accountID: String, baseURL: String, now: Date) -> [String: Any] {
        let inbound = call.direction == "Inbound"
        let customer: [String: Any] = ["phoneNumber": call.customerNumber]
        let employee: [String: Any] = [
            "phoneNumber": call.employeeNumber, "extensionNumber": call.extensionNumber, "extensionId": call.extensionID, "name": call.employeeName,
        ]
        let result: String =
            switch call.outcome {
            case .answered: inbound ? "Accepted" : "Call connected"
            case .missed: inbound ? "Missed" : "No Answer"
            case .voicemail: "Voicemail"
            }
        let duration = Int(call.endedAt.timeIntervalSince(call.placedAt).rounded())
        let leg: [String: Any] = [
            "startTime": self.time(call.placedAt), "duration": duration, "type": "Voice", "direction": call.direction,
            "action": "Phone Call", "result": result, "from": inbound ? customer : employee, "to": inbound ? employee : customer,
            "extension": ["id": Int64(call.extensionID) ?? 0, "uri": "\(baseURL)/restapi/v1.0/account/\(accountID)/extension/\(call.extensionID)"],
            "legType": "Accept", "master": true, "transport": "PSTN",
        ]
        var record: [String: Any] = [
            "uri": "\(baseURL)/restapi/v1.0/account/\(accountID)/call-log/\(call.callLogID)?view=Detailed",
            "id": call.callLogID, "sessionId": call.sessionID, "telephonySessionId": call.telephonySessionID, "partyId": call.partyID,
            "startTime": self.time(call.placedAt), "duration": duration, "durationMs": duration * 1000, "type": "Voice",
            "internalType": "Local", "direction": call.direction, "action": "Phone Call", "result": result,
            "from": inbound ? customer : employee, "to": inbound ? employee : customer, "transport": "PSTN",
            "lastModifiedTime": self.time(call.endedAt), "legs": [leg],
        ]
        if call.recorded, call.outcome == .answered, call.recordingReadyAt <= now {
            record["recording"] = [
                "id": call.recordingID, "uri": "\(baseURL)/restapi/v1.0/account/\(accountID)/recording/\(call.recordingID)",
                "type": "Automatic", "contentUri": "\(baseURL)/restapi/v1.0/account/\(accountID)/recording/\(call.recordingID)/content",
            ]
        }
        return record
    }

    /// RingCentral's error body: `errors[]` as the spec requires, plus the top-level code and message live answers carry.
    static func error(code: String, message: String) -> [String: Any] {
        ["errorCode": code, "message": message, "errors": [["errorCode": code, "message": message]]]
    }
}
