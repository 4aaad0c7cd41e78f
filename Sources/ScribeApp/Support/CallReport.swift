import Foundation
import ScribeCore

/// Everything the ledger knows about one call: its logs (what happened and why) and, on request,
/// the telephony events it was folded from, in sequence order.
public struct CallReport: Codable, Sendable, Hashable {
    /// One stored event, as it reads for support.
    public struct EventLine: Codable, Sendable, Hashable {
        public var id: String
        public var sequence: Int64
        public var eventTime: Date
        public var parties: [String]
    }

    public var sessionId: String
    public var logs: [CallLogSummary]
    public var events: [EventLine]?

    /// The report for `id`, a call-log id or a telephony session id; nil when the ledger has neither.
    public static func build(id: String, includeEvents: Bool, store: any LedgerStore) async throws -> CallReport? {
        let session: TelephonySessionID
        if let log = try await store.callLog(CallLogID(id)) {
            session = log.key.sessionID
        } else {
            session = TelephonySessionID(id)
            let hasCall = try await store.call(session) != nil
            let hasEvents = try await !store.events(of: session).isEmpty
            guard hasCall || hasEvents else { return nil }
        }
        let logs = try await store.callLogs(session: session).map(CallLogSummary.init)
        let events = includeEvents ? try await store.events(of: session).map(EventLine.init) : nil
        return CallReport(sessionId: session.rawValue, logs: logs, events: events)
    }

    /// The report as lines of text.
    public var text: String {
        var lines = ["Call \(self.sessionId)"]
        if self.logs.isEmpty { lines.append("  no log yet: the call has not ended for any extension, or its events are not folded yet") }
        for log in self.logs {
            lines.append("  log \(log.id) for extension \(log.extensionId): \(log.state) — \(log.explanation)")
            if let note = log.note { lines.append("    \(note)") }
            if let record = log.crmRecordId { lines.append("    CRM record \(record)") }
        }
        if let events = self.events {
            lines.append("  events (\(events.count)):")
            for event in events {
                lines.append("    #\(event.sequence) \(event.eventTime.iso8601) \(event.id): \(event.parties.joined(separator: "; "))")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension CallReport.EventLine {
    init(_ event: TelephonyEvent) {
        self.id = event.id.rawValue
        self.sequence = event.sequence
        self.eventTime = event.eventTime
        self.parties = event.parties.map { party in
            let who = party.extensionID.map { "ext \($0)" } ?? "external"
            let reason = party.reason.map { " (\($0))" } ?? ""
            return "\(party.partyID) \(who) \(party.direction.rawValue) \(party.from.phoneNumber ?? "?")→\(party.to.phoneNumber ?? "?") \(party.status.rawValue)\(reason)"
        }
    }
}
