import Foundation

/// An "insights ready" notification from RingSense, in domain terms: which call, which recording,
/// and the AI summary and transcript to log with it.
///
/// Built by the telephony adapter from a webhook delivery. RingSense may send two for one call (AI
/// Notes first, then RingSense itself); ``CallInsights/producedAt`` says which is the later.
public struct InsightsEvent: Sendable, Codable, Hashable {
    /// The delivery's envelope `uuid`, carried in ``insights`` too so a repeat is recognised.
    public var id: EventID
    /// The call: RingSense's `sourceSessionId`, which for the `pbx` domain is the telephony session id.
    public var sessionID: TelephonySessionID
    /// RingSense's `sourceRecordId`: for `pbx`, the call-log recording id.
    public var recordingID: String?
    public var insights: CallInsights

    public init(id: EventID, sessionID: TelephonySessionID, recordingID: String? = nil, insights: CallInsights) {
        self.id = id
        self.sessionID = sessionID
        self.recordingID = recordingID
        self.insights = insights
    }
}
