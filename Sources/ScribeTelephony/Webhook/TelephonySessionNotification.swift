import Foundation

/// A telephony-session webhook delivery exactly as RingCentral sends it: the envelope and its body.
///
/// Unknown fields are ignored so that RingCentral can add fields without breaking us; the fields we
/// need are checked by ``TelephonyEventParser``.
struct TelephonySessionNotification: Decodable {
    var uuid: String?
    var event: String?
    var timestamp: String?
    var subscriptionId: String?
    var ownerId: String?
    var body: Body?

    struct Body: Decodable {
        var sequence: Int64?
        var sessionId: String?
        var telephonySessionId: String?
        var serverId: String?
        var eventTime: String?
        var origin: Origin?
        var parties: [Party]?
        /// Not a telephony field: present when the delivery is RingSense insights, which are routed elsewhere.
        var sourceSessionId: String?
    }

    struct Origin: Decodable {
        var type: String?
    }

    struct Party: Decodable {
        var accountId: String?
        var extensionId: String?
        var id: String?
        var direction: String?
        var from: Endpoint?
        var to: Endpoint?
        var status: Status?
        var missedCall: Bool?
        var queueCall: Bool?
        var recordings: [Recording]?
    }

    struct Endpoint: Decodable {
        var phoneNumber: String?
        var name: String?
        var extensionId: String?
        var deviceId: String?
    }

    struct Status: Decodable {
        var code: String?
        var reason: String?
        var description: String?
        /// Where a `Gone` party went: the party it joined in another session.
        var peerId: Peer?
    }

    struct Peer: Decodable {
        var sessionId: String?
        var telephonySessionId: String?
        var partyId: String?
    }

    struct Recording: Decodable {
        var id: String?
        var active: Bool?
    }
}
