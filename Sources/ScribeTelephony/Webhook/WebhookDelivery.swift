import Foundation
import ScribeCore

/// One webhook delivery, by what it is about: a telephony session changed, or RingSense has
/// insights ready for a recorded call.
public enum WebhookDelivery: Sendable, Hashable {
    case telephony(TelephonyEvent)
    case insights(InsightsEvent)
    /// Well formed but nothing to log (see ``WebhookPayloadError/nothingToLog``).
    case ignored(eventID: EventID, reason: String)

    /// The envelope's `uuid`.
    public var eventID: EventID {
        switch self {
        case .telephony(let event): event.id
        case .insights(let event): event.id
        case .ignored(let eventID, _): eventID
        }
    }

    /// The telephony session (the call) it is about; nil for a delivery ignored.
    public var sessionID: TelephonySessionID? {
        switch self {
        case .telephony(let event): event.sessionID
        case .insights(let event): event.sessionID
        case .ignored: nil
        }
    }
}
