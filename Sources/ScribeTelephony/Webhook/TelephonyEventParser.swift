import Foundation
import ScribeCore

/// Turns a webhook body into a ``TelephonyEvent``, or says exactly which field is wrong.
public struct TelephonyEventParser: Sendable {
    public init() {}

    /// Parses one delivery.
    public func parse(_ data: Data) throws(WebhookPayloadError) -> TelephonyEvent {
        let notification: TelephonySessionNotification
        do {
            notification = try JSONDecoder().decode(TelephonySessionNotification.self, from: data)
        } catch {
            throw WebhookPayloadError(field: nil, problem: "the body is not a JSON notification envelope")
        }
        return try self.event(from: notification)
    }

    func event(from notification: TelephonySessionNotification) throws(WebhookPayloadError) -> TelephonyEvent {
        guard let uuid = notification.uuid, !uuid.isEmpty else { throw .missing("uuid") }
        guard let body = notification.body else { throw .missing("body") }
        guard let sessionID = body.telephonySessionId, !sessionID.isEmpty else { throw .missing("body.telephonySessionId") }
        guard let sequence = body.sequence else { throw .missing("body.sequence") }
        guard let eventTimeText = body.eventTime ?? notification.timestamp else { throw .missing("body.eventTime") }
        guard let eventTime = RingCentralDate.parse(eventTimeText) else {
            throw WebhookPayloadError(field: "body.eventTime", problem: "'\(eventTimeText.prefix(40))' is not an ISO 8601 time")
        }
        guard let rawParties = body.parties, !rawParties.isEmpty else { throw .missing("body.parties") }
        var parties: [PartyUpdate] = []
        for (index, party) in rawParties.enumerated() {
            parties.append(try self.party(party, at: index))
        }
        guard let accountID = rawParties.lazy.compactMap(\.accountId).first ?? RingCentralDate.accountID(inEventFilter: notification.event)
        else { throw .missing("body.parties[].accountId") }
        return TelephonyEvent(
            id: EventID(uuid), accountID: AccountID(accountID), sessionID: TelephonySessionID(sessionID),
            legacySessionID: body.sessionId, sequence: sequence, eventTime: eventTime, parties: parties
        )
    }

    private func party(_ party: TelephonySessionNotification.Party, at index: Int) throws(WebhookPayloadError) -> PartyUpdate {
        let path = "body.parties[\(index)]"
        guard let id = party.id, !id.isEmpty else { throw .missing("\(path).id") }
        guard let directionText = party.direction else { throw .missing("\(path).direction") }
        guard let direction = CallDirection(rawValue: directionText) else {
            throw WebhookPayloadError(field: "\(path).direction", problem: "'\(directionText.prefix(40))' is neither Inbound nor Outbound")
        }
        guard let code = party.status?.code else { throw .missing("\(path).status.code") }
        return PartyUpdate(
            partyID: PartyID(id),
            extensionID: party.extensionId.map { ExtensionID($0) },
            direction: direction,
            from: CallEndpoint(party.from),
            to: CallEndpoint(party.to),
            status: PartyStatusCode(rawValue: code) ?? .unknown,
            reason: party.status?.reason,
            missedCall: party.missedCall ?? false,
            recordingIDs: (party.recordings ?? []).compactMap(\.id),
            peerSessionID: party.status?.peerId?.telephonySessionId.flatMap { $0.isEmpty ? nil : TelephonySessionID($0) },
            queueCall: party.queueCall
        )
    }
}

/// A webhook body we cannot use, naming the field at fault.
public struct WebhookPayloadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON path of the offending field, when one is at fault.
    public var field: String?
    public var problem: String
    /// A well-formed delivery with nothing for us (insights about a video meeting, or only a
    /// sentiment score): acknowledged and ignored, since answering errors to RingCentral gets the
    /// subscription blacklisted.
    public var nothingToLog: Bool

    public init(field: String?, problem: String, nothingToLog: Bool = false) {
        self.field = field
        self.problem = problem
        self.nothingToLog = nothingToLog
    }

    static func missing(_ field: String) -> WebhookPayloadError {
        WebhookPayloadError(field: field, problem: "required field '\(field)' is missing")
    }

    public var description: String { self.problem }
}

extension CallEndpoint {
    init(_ endpoint: TelephonySessionNotification.Endpoint?) {
        self.init(phoneNumber: endpoint?.phoneNumber, name: endpoint?.name, extensionID: endpoint?.extensionId.map { ExtensionID($0) })
    }
}
