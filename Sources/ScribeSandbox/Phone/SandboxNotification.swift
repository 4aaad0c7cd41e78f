import Foundation

/// A telephony-session webhook delivery as RingCentral sends it (envelope and body), encoded with
/// Codable: the sandbox sends thousands a second in the benchmark.
struct SandboxNotification: Encodable {
    struct Body: Encodable {
        var sequence: Int
        var sessionId: String
        var telephonySessionId: String
        var serverId: String
        var eventTime: String
        var origin: Origin
        var parties: [Party]
    }

    struct Origin: Encodable {
        var type: String
    }

    struct Party: Encodable {
        var accountId: String
        var extensionId: String
        var id: String
        var direction: String
        var from: Endpoint
        var to: Endpoint
        var status: Status
        var missedCall: Bool
        var standAlone: Bool
        var muted: Bool
        var recordings: [Recording]?
        /// Set on the parties a call queue rings.
        var queueCall: Bool? = nil
    }

    struct Endpoint: Encodable, Sendable, Hashable {
        var phoneNumber: String
        var name: String?
        var extensionId: String?
        var deviceId: String?
    }

    struct Status: Encodable {
        var code: String
        var reason: String?
        var rcc: Bool
        /// The party on the other side of a cross call (`Gone` after an attended transfer, a pickup, a conference).
        var peerId: PeerID? = nil
    }

    struct PeerID: Encodable, Sendable, Hashable {
        var sessionId: String
        var telephonySessionId: String
        var partyId: String
    }

    struct Recording: Encodable, Sendable, Hashable {
        var id: String
        var active: Bool
    }

    var uuid: String
    var event: String
    var timestamp: String
    var subscriptionId: String
    var ownerId: String
    var body: Body

    /// The `index`-th status change of `call`, for one subscription.
    init(call: ScriptedCall, change index: Int, accountID: String, subscriptionID: String) {
        let change = call.statusChanges[index]
        let inbound = call.direction == "Inbound"
        let customer = Endpoint(phoneNumber: call.customerNumber)
        let employee = Endpoint(
            phoneNumber: call.employeeNumber, name: call.employeeName, extensionId: call.extensionID, deviceId: "80\(call.extensionNumber)004"
        )
        let recordings = call.recorded && call.outcome == .answered && index >= 2 ? [Recording(id: call.recordingID, active: change.code == "Answered")] : nil
        let time = PhoneSandboxPayloads.time(change.at)
        self.uuid = "\(call.telephonySessionID)-\(index)-4f1e0c2a"
        self.event = "/restapi/v1.0/account/\(accountID)/telephony/sessions"
        self.timestamp = time
        self.subscriptionId = subscriptionID
        self.ownerId = accountID
        self.body = Body(
            sequence: index + 1, sessionId: call.sessionID, telephonySessionId: call.telephonySessionID, serverId: "10.13.123.45.TAM",
            eventTime: time, origin: Origin(type: "Call"),
            parties: [
                Party(
                    accountId: accountID, extensionId: call.extensionID, id: call.partyID, direction: call.direction,
                    from: inbound ? customer : employee, to: inbound ? employee : customer,
                    status: Status(code: change.code, reason: change.reason, rcc: false),
                    missedCall: call.outcome == .missed && change.code == "Disconnected", standAlone: false, muted: false,
                    recordings: recordings
                )
            ]
        )
    }
}
