import Foundation
import ScribeCore

/// Reads any delivery our subscription asks for: telephony-session events and RingSense insights.
public struct WebhookDeliveryParser: Sendable {
    private let telephony = TelephonyEventParser()
    private let insights = InsightsEventParser()

    public init() {}

    /// Parses one delivery, telling the two kinds apart by the envelope's event filter (and, when
    /// that is absent, by a body that names a `sourceSessionId` and no `telephonySessionId`).
    public func parse(_ data: Data) throws(WebhookPayloadError) -> WebhookDelivery {
        let notification: TelephonySessionNotification
        do {
            notification = try JSONDecoder().decode(TelephonySessionNotification.self, from: data)
        } catch {
            throw WebhookPayloadError(field: nil, problem: "the body is not a JSON notification envelope")
        }
        if Self.isInsights(notification) {
            // Rare (one per recorded call), so decoding the body a second time in its own shape costs little.
            do {
                return .insights(try self.insights.parse(data))
            } catch where error.nothingToLog {
                return .ignored(eventID: EventID(notification.uuid ?? ""), reason: error.problem)
            }
        }
        return .telephony(try self.telephony.event(from: notification))
    }

    static func isInsights(_ notification: TelephonySessionNotification) -> Bool {
        if let event = notification.event {
            return EventFilter.isInsights(event)
        }
        guard let body = notification.body else { return false }
        return body.sourceSessionId != nil && body.telephonySessionId == nil
    }
}
