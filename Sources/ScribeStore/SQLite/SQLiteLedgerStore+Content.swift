import Foundation
import GRDB
import ScribeCore

extension SQLiteLedgerStore {
    public func content(session: TelephonySessionID, extension extensionID: ExtensionID) async throws -> CallLogContent {
        try await self.writer.read { db in
            var content = CallLogContent()
            if let row = try Row.fetchOne(
                db, sql: "SELECT * FROM call_content WHERE session_id = ? AND extension_id = ?", arguments: [session.rawValue, extensionID.rawValue]
            ) {
                content.notes = try (row["notes"] as String?).map { try LedgerJSON.decode(AgentNotes.self, from: $0) }
                content.subject = row["subject"]
                content.disposition = row["disposition"]
            }
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM call_media WHERE session_id = ?", arguments: [session.rawValue]) {
                content.recording = try (row["recording"] as String?).map { try LedgerJSON.decode(RecordingLink.self, from: $0) }
                content.insights = try (row["insights"] as String?).map { try LedgerJSON.decode(CallInsights.self, from: $0) }
            }
            return content
        }
    }

    public func saveAgentInput(_ input: AgentInput, now: Date) async throws -> [CallLogID] {
        let notes = try input.notes.map(LedgerJSON.encode)
        return try await self.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO call_content (session_id, extension_id, notes, subject, disposition, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (session_id, extension_id) DO UPDATE SET
                        notes = COALESCE(excluded.notes, notes), subject = COALESCE(excluded.subject, subject),
                        disposition = COALESCE(excluded.disposition, disposition), updated_at = excluded.updated_at
                    """,
                arguments: [input.sessionID.rawValue, input.extensionID.rawValue, notes, input.subject, input.disposition, now.timeIntervalSince1970]
            )
            return try JobQueue.scheduleLogs(of: input.sessionID, extension: input.extensionID, at: now, db)
        }
    }

    public func saveRecording(_ link: RecordingLink, session: TelephonySessionID, now: Date, except running: CallLogID?) async throws -> [CallLogID] {
        let json = try LedgerJSON.encode(link)
        return try await self.writer.write { db in
            // Queued for the archive in the same transaction, so no recording the ledger knows is missed.
            try Self.queueRecordingDownload(link.recordingID, session: session, now: now, db)
            return try Self.saveMedia(column: "recording", json: json, session: session, now: now, except: running, db)
        }
    }

    public func recordInsights(_ insights: CallInsights, session: TelephonySessionID, now: Date) async throws -> InsightsSave {
        let json = try LedgerJSON.encode(insights)
        return try await self.writer.write { db in
            // Deliveries repeat and the AI Notes version can come after RingSense's: only a change
            // queues writes, so a repeat cannot revive a dead job or send the same update again.
            if let stored = try String.fetchOne(db, sql: "SELECT insights FROM call_media WHERE session_id = ?", arguments: [session.rawValue]),
                let current = try? LedgerJSON.decode(CallInsights.self, from: stored), !current.isReplaced(by: insights)
            {
                return InsightsSave(changed: false, queued: [])
            }
            return InsightsSave(changed: true, queued: try Self.saveMedia(column: "insights", json: json, session: session, now: now, db))
        }
    }

    public func requestLog(_ id: CallLogID, _ request: PersonRequest, now: Date) async throws {
        let json = try LedgerJSON.encode(request)
        try await self.writer.write { db in
            try db.execute(sql: "UPDATE call_logs SET request = ? WHERE id = ?", arguments: [json, id.rawValue])
            guard db.changesCount == 1 else { throw LedgerStoreError.callLogNotFound(id) }
            try JobQueue.schedule(id, at: now, db)
        }
    }

    /// `column` is one of our own column names, never input.
    private func saveMedia(column: String, json: String, session: TelephonySessionID, now: Date, except running: CallLogID? = nil) async throws -> [CallLogID] {
        try await self.writer.write { db in try Self.saveMedia(column: column, json: json, session: session, now: now, except: running, db) }
    }

    /// Within a transaction: stores one media column of the call and queues all its logs.
    private static func saveMedia(
        column: String, json: String, session: TelephonySessionID, now: Date, except running: CallLogID? = nil, _ db: Database
    ) throws -> [CallLogID] {
        try db.execute(
            sql: """
                INSERT INTO call_media (session_id, \(column), updated_at) VALUES (?, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET \(column) = excluded.\(column), updated_at = excluded.updated_at
                """,
            arguments: [session.rawValue, json, now.timeIntervalSince1970]
        )
        return try JobQueue.scheduleLogs(of: session, extension: nil, at: now, except: running, db)
    }
}
