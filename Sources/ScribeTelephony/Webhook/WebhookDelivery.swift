import Foundation
import ScribeCore

/// One webhook delivery, by what it is about: a telephony session changed, or RingSense has
/// insights ready for a recorded call.
public enum WebhookDelivery: Sendable, Hashable {
    case telephony(TelephonyEvent)
    case insights(InsightsEvent)

    /// The envelope's `uuid`.
    public var eventID: EventID {
        switch self {
        case .telephony(let event): event.id
        case .insights(let event): event.id
        }
    }

    /// The telephony session (the call) it is about.
    public var sessionID: TelephonySessionID {
        switch self {
        case .telephony(let event): event.sessionID
        case .insights(let event): event.sessionID
        }
    }
}
