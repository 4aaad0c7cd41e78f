import Foundation

/// A RingSense "insights ready" delivery exactly as RingCentral sends it: the standard envelope
/// around a full `RecordingInsights`.
///
/// Every field is optional so that a missing one is reported by name by ``InsightsEventParser``
/// rather than as an undecodable body; unknown fields (Highlights, NextSteps, AIScore…) are ignored.
struct InsightsNotification: Decodable {
    var uuid: String?
    var event: String?
    var timestamp: String?
    var subscriptionId: String?
    var ownerId: String?
    var body: RecordingInsights?

    /// `RecordingInsights`.
    struct RecordingInsights: Decodable {
        var title: String?
        var domain: String?
        var sourceRecordId: String?
        var sourceSessionId: String?
        var creationTime: String?
        var lastModifiedTime: String?
        var speakerInfo: [Speaker]?
        var insights: Insights?
    }

    struct Speaker: Decodable {
        var speakerId: String?
        var name: String?
    }

    /// The insight arrays we log; RingSense capitalises the keys.
    struct Insights: Decodable {
        var transcript: [TranscriptSegment]?
        var summary: [Summary]?
        var bulletedSummary: [Bullet]?
        var callNotes: [Summary]?

        enum CodingKeys: String, CodingKey {
            case transcript = "Transcript"
            case summary = "Summary"
            case bulletedSummary = "BulletedSummary"
            case callNotes = "CallNotes"
        }
    }

    struct TranscriptSegment: Decodable {
        var speakerId: String?
        var text: String?
        var start: Double?
        var end: Double?
    }

    struct Summary: Decodable {
        var value: String?
        var start: Double?
        var end: Double?
    }

    struct Bullet: Decodable {
        var value: String?
        var section: String?
    }
}
