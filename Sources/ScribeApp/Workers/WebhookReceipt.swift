import Foundation
import ScribeCore

/// What became of one webhook delivery, for the acknowledgement.
public struct WebhookReceipt: Sendable, Hashable {
    /// What the delivery was about.
    public enum Kind: String, Sendable, Hashable {
        case telephony
        case insights
    }

    /// What was done with it.
    public enum Status: String, Sendable, Hashable {
        /// A new telephony event, stored for folding; or insights that changed the call's.
        case stored
        /// Seen before (the same `uuid`), or insights that change nothing: ignored.
        case duplicate
        /// Well formed but with nothing to log (insights about a video meeting, say): acknowledged.
        case ignored
    }

    public var kind: Kind
    public var status: Status
    public var eventID: EventID
    public var sessionID: TelephonySessionID?

    public init(kind: Kind, status: Status, eventID: EventID, sessionID: TelephonySessionID?) {
        self.kind = kind
        self.status = status
        self.eventID = eventID
        self.sessionID = sessionID
    }
}
