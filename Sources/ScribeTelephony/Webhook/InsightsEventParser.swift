import Foundation
import ScribeCore

/// Turns a RingSense "insights ready" delivery into an ``InsightsEvent``: the call it belongs to,
/// the summary text and a speaker-named transcript, or says exactly which field is wrong.
public struct InsightsEventParser: Sendable {
    public init() {}

    /// Parses one delivery.
    public func parse(_ data: Data) throws(WebhookPayloadError) -> InsightsEvent {
        let notification: InsightsNotification
        do {
            notification = try JSONDecoder().decode(InsightsNotification.self, from: data)
        } catch {
            throw WebhookPayloadError(decoding: error)
        }
        return try self.event(from: notification)
    }

    func event(from notification: InsightsNotification) throws(WebhookPayloadError) -> InsightsEvent {
        guard let uuid = notification.uuid, !uuid.isEmpty else { throw .missing("uuid") }
        guard let body = notification.body else { throw .missing("body") }
        if let domain = body.domain, domain != "pbx" {
            // Only RingEX voice (pbx) insights name a telephony session; video or contact-centre ones have no call here.
            throw WebhookPayloadError(field: "body.domain", problem: "'\(domain.prefix(40))' insights are not about phone calls (expected pbx)", nothingToLog: true)
        }
        // For the pbx domain RingSense's sourceSessionId is the telephonySessionId (not the legacy sessionId).
        guard let sessionID = body.sourceSessionId, !sessionID.isEmpty else { throw .missing("body.sourceSessionId") }
        guard let insights = body.insights else { throw .missing("body.insights") }
        let summary = try Self.summary(insights)
        let transcript = try Self.transcript(insights.transcript ?? [], speakers: body.speakerInfo ?? [])
        guard summary != nil || transcript != nil else {
            throw WebhookPayloadError(field: "body.insights", problem: "carries no Summary, BulletedSummary, CallNotes or Transcript", nothingToLog: true)
        }
        let produced = try Self.producedAt(notification)
        return InsightsEvent(
            id: EventID(uuid), sessionID: TelephonySessionID(sessionID), recordingID: body.sourceRecordId,
            insights: CallInsights(summary: summary, transcript: transcript, eventID: EventID(uuid), producedAt: produced)
        )
    }

    /// The prose Summary when there is one, else the bullets (under their section headings), else
    /// AI Notes' call notes (its first event may carry nothing else).
    static func summary(_ insights: InsightsNotification.Insights) throws(WebhookPayloadError) -> String? {
        if let items = insights.summary, !items.isEmpty {
            var paragraphs: [String] = []
            for (index, item) in items.enumerated() {
                guard let value = item.value else { throw .missing("body.insights.Summary[\(index)].value") }
                paragraphs.append(value.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if let text = Self.joined(paragraphs, by: "\n\n") { return text }
        }
        if let bullets = insights.bulletedSummary, !bullets.isEmpty {
            var lines: [String] = []
            var section: String?
            for (index, bullet) in bullets.enumerated() {
                guard let value = bullet.value else { throw .missing("body.insights.BulletedSummary[\(index)].value") }
                if let heading = bullet.section, !heading.isEmpty, heading != section {
                    lines.append(heading + ":")
                    section = heading
                }
                lines.append("- " + value.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if let text = Self.joined(lines, by: "\n") { return text }
        }
        if let notes = insights.callNotes, !notes.isEmpty {
            var lines: [String] = []
            for (index, note) in notes.enumerated() {
                guard let value = note.value else { throw .missing("body.insights.CallNotes[\(index)].value") }
                lines.append(value.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return Self.joined(lines, by: "\n")
        }
        return nil
    }

    /// One line per turn, `Name: text`, in time order; a speaker's consecutive segments are one turn.
    static func transcript(
        _ segments: [InsightsNotification.TranscriptSegment], speakers: [InsightsNotification.Speaker]
    ) throws(WebhookPayloadError) -> String? {
        var names: [String: String] = [:]
        for speaker in speakers {
            if let id = speaker.speakerId, let name = speaker.name, !name.isEmpty { names[id] = name }
        }
        var timed: [(start: Double, index: Int, speaker: String, text: String)] = []
        for (index, segment) in segments.enumerated() {
            guard let text = segment.text else { throw .missing("body.insights.Transcript[\(index)].text") }
            let speaker = segment.speakerId.map { names[$0] ?? "Speaker \($0)" } ?? "Unknown speaker"
            timed.append((segment.start ?? 0, index, speaker, text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        // Stable: segments with the same start keep their delivered order.
        timed.sort { ($0.start, $0.index) < ($1.start, $1.index) }
        var turns: [(speaker: String, text: String)] = []
        for segment in timed where !segment.text.isEmpty {
            if let last = turns.last, last.speaker == segment.speaker {
                turns[turns.count - 1].text += " " + segment.text
            } else {
                turns.append((segment.speaker, segment.text))
            }
        }
        return Self.joined(turns.map { "\($0.speaker): \($0.text)" }, by: "\n")
    }

    /// When this version was produced: RingSense's last modification, else its creation, else the delivery time.
    static func producedAt(_ notification: InsightsNotification) throws(WebhookPayloadError) -> Date? {
        let candidates: [(String, String?)] = [
            ("body.lastModifiedTime", notification.body?.lastModifiedTime), ("body.creationTime", notification.body?.creationTime),
            ("timestamp", notification.timestamp),
        ]
        for case (let field, let text?) in candidates {
            guard let date = RingCentralDate.parse(text) else {
                throw WebhookPayloadError(field: field, problem: "'\(text.prefix(40))' is not an ISO 8601 time")
            }
            return date
        }
        return nil
    }

    private static func joined(_ parts: [String], by separator: String) -> String? {
        let kept = parts.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: separator)
    }
}
