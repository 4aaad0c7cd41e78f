import Foundation
import Hummingbird
import Synchronization

extension PhoneSystemSandbox {
    /// Invalidates every call-log sync token issued so far, as RingCentral does when it resets the
    /// call log: the next ISync is refused with 400 `CLG-101` and the client must FSync again.
    public func resetCallLogSync() {
        self.state.withLock { $0.callLogSync.generation += 1 }
    }

    /// The sync types of the call-log syncs asked for so far (`FSync`, `ISync`), in order.
    public var callLogSyncsServed: [String] { self.state.withLock { $0.callLogSync.served } }

    /// `GET /restapi/v1.0/account/{accountId}/call-log-sync`: FSync answers the newest `recordCount`
    /// records (at most 250) of the sync frame and a token; ISync answers the records that entered
    /// the call log or changed since its token, newest first, refusing with 400 when there are more
    /// than 250 or the token is from before a reset. Records are the Detailed ones the list serves.
    func callLogSync(_ request: Request) -> Response {
        let query = request.uri.queryParameters
        let now = Date()
        let syncType = query["syncType"].map(String.init) ?? "FSync"
        let (sync, calls) = self.state.withLock { state in
            state.callLogSync.served.append(syncType)
            return (state.callLogSync, state.calls)
        }
        let selected: [ScriptedCall]
        let frameStart: Date?
        switch syncType {
        case "FSync":
            guard let recordCount = query["recordCount"].flatMap({ Int(String($0)) }), recordCount >= 1 else {
                return self.invalidParameter("recordCount")
            }
            if let text = query["dateFrom"] {
                // RingCentral limits the sync frame to the last 30 days.
                guard let date = try? PhoneSandboxPayloads.formatter.parse(String(text)), date >= now.addingTimeInterval(-30 * 86_400) else {
                    return self.invalidParameter("dateFrom")
                }
                frameStart = date
            } else {
                frameStart = nil
            }
            let inFrame = calls.filter { call in sync.isListed(call, at: now) && (frameStart.map { call.placedAt >= $0 } ?? true) }
            selected = Array(inFrame.sorted { $0.placedAt > $1.placedAt }.prefix(min(recordCount, 250)))
        case "ISync":
            guard let text = query["syncToken"], let token = SandboxCallLogSync.Token(String(text)) else {
                return self.invalidParameter("syncToken")
            }
            guard token.generation == sync.generation else {
                return self.syncTokenRefused(code: "CLG-101", reason: "Sync token expired, call log was reset")
            }
            let changed = calls.filter { call in
                sync.isListed(call, at: now) && (token.frameStart.map { call.placedAt >= $0 } ?? true)
                    && sync.changes(of: call).contains { $0 > token.syncTime && $0 <= now }
            }
            // The error's code is not documented; its message is. Clients must FSync again.
            guard changed.count <= 250 else {
                return self.syncTokenRefused(code: "CMN-101", reason: "max sync record number limit is exceeded")
            }
            frameStart = token.frameStart
            selected = changed.sorted { $0.placedAt > $1.placedAt }
        default:
            return self.invalidParameter("syncType")
        }
        let token = SandboxCallLogSync.Token(generation: sync.generation, syncTime: now, frameStart: frameStart)
        let records = selected.map { PhoneSandboxPayloads.callLogRecord(for: $0, accountID: self.company.accountID, baseURL: self.baseURL.get(), now: now) }
        return self.json([
            "uri": self.url("/restapi/v1.0/account/\(self.company.accountID)/call-log-sync?syncType=\(syncType)"), "records": records,
            "syncInfo": ["syncType": syncType, "syncToken": token.encoded, "syncTime": PhoneSandboxPayloads.time(now)],
        ])
    }

    /// RingCentral's 400 for a token it will not sync from.
    private func syncTokenRefused(code: String, reason: String) -> Response {
        let message = "Parameter [syncToken] is invalid [\(reason)]"
        var body = PhoneSandboxPayloads.error(code: code, message: message)
        body["errors"] = [["errorCode": code, "message": message, "parameterName": "syncToken"]]
        return self.json(body, status: .badRequest)
    }

    /// RingCentral's 400 `CMN-101` for a parameter that is missing or wrong.
    private func invalidParameter(_ name: String) -> Response {
        let message = "Parameter [\(name)] value is invalid"
        var body = PhoneSandboxPayloads.error(code: "CMN-101", message: message)
        body["errors"] = [["errorCode": "CMN-101", "message": message, "parameterName": name]]
        return self.json(body, status: .badRequest)
    }
}
