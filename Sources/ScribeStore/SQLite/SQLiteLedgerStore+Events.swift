import Foundation
import GRDB
import ScribeCore

extension SQLiteLedgerStore {
    public func appendEvents(_ events: [TelephonyEvent], receivedAt: Date) async throws -> [AppendOutcome] {
        let rows = try events.map { ($0, try LedgerJSON.encode($0)) }
        return try await self.writer.write { (db: Database) throws -> [AppendOutcome] in
            try rows.map { event, body -> AppendOutcome in
                try db.execute(
                    sql: """
                        INSERT INTO telephony_events (id, account_id, session_id, sequence, event_time, received_at, body)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                        """,
                    arguments: [
                        event.id.rawValue, event.accountID.rawValue, event.sessionID.rawValue, event.sequence,
                        event.eventTime.timeIntervalSince1970, receivedAt.timeIntervalSince1970, body,
                    ]
                )
                return db.changesCount == 1 ? .stored : .duplicate
            }
        }
    }

    /// Folding works in two steps so that the decoding and encoding stay out of the single writer:
    /// a read of the pending events and their calls, the fold in memory, then one short write.
    /// That is safe because only the fold writes calls and claims logs, and a ledger has one folder.
    public func foldPendingEvents(limit: Int, now: Date, writeAfter: TimeInterval, makeID: @escaping @Sendable () -> String) async throws -> FoldReport {
        let snapshot = try await self.writer.read { db in try FoldSnapshot.read(limit: limit, db) }
        guard let lastSeq = snapshot.lastSeq else { return FoldReport() }
        let events = try snapshot.eventBodies.map { try LedgerJSON.decode(TelephonyEvent.self, from: $0) }
        var report = FoldReport(eventsFolded: events.count)
        var changedCalls: [(call: Call, body: String)] = []
        var claims: [(log: CallLog, columns: CallLogColumns)] = []
        var changedWhileLogged: [(session: TelephonySessionID, extension: ExtensionID)] = []
        var links: [(session: TelephonySessionID, peer: TelephonySessionID)] = []
        /// (session, extension): the logs of that extension in the sessions linked to `session`;
        /// (peer, nil): every log of a session newly linked.
        var linkedChanges: [(session: TelephonySessionID, extension: ExtensionID?)] = []
        for (sessionID, sessionEvents) in Dictionary(grouping: events, by: \.sessionID) {
            let stored = try snapshot.callBodies[sessionID].map { try LedgerJSON.decode(Call.self, from: $0) }
            var call = stored ?? Call(sessionID: sessionID, accountID: sessionEvents[0].accountID)
            for event in sessionEvents { call.apply(event) }
            guard call != stored else { continue }
            changedCalls.append((call, try LedgerJSON.encode(call)))
            let logs = CallLogPlanner.newLogs(
                for: call, connections: snapshot.connections[call.accountID] ?? [], existing: snapshot.logKeys[sessionID] ?? [],
                now: now, makeID: makeID
            )
            claims += try logs.map { ($0, try CallLogColumns($0)) }
            // A log already claimed is due again when its extension's part ends (it was claimed while
            // they talked) or a late event changes it.
            let claimedBefore = Set((snapshot.logKeys[sessionID] ?? []).map(\.extensionID))
            let endedChanged = call.endedLegsChanged(since: stored)
            changedWhileLogged += endedChanged.filter(claimedBefore.contains).map { (sessionID, $0) }
            // A late event about someone else's part (a pickup, a transfer) changes the journey every record tells.
            if let stored, call.journey != stored.journey {
                changedWhileLogged += claimedBefore.subtracting(endedChanged).map { (sessionID, $0) }
            }
            // Calls of one conversation (transfers, conferences) share their legs: a change here is
            // news for the same extension's log over there, and a new link for every log there.
            links += call.peerSessionIDs.map { (sessionID, $0) }
            linkedChanges += endedChanged.map { (sessionID, $0) }
            linkedChanges += Set(call.peerSessionIDs).subtracting(stored?.peerSessionIDs ?? []).map { ($0, nil) }
        }
        report.callsChanged = changedCalls.count
        let (changedCallsToWrite, claimsToWrite, endedToQueue) = (changedCalls, claims, changedWhileLogged)
        let (linksToWrite, linkedToQueue) = (links, linkedChanges)
        (report.logsClaimed, report.logsRequeued) = try await self.writer.write { db in
            for (call, body) in changedCallsToWrite {
                try db.execute(
                    sql: "INSERT INTO accounts (id, first_seen_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                    arguments: [call.accountID.rawValue, now.timeIntervalSince1970]
                )
                try db.execute(
                    sql: """
                        INSERT INTO calls (session_id, account_id, body, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (session_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
                        """,
                    arguments: [call.sessionID.rawValue, call.accountID.rawValue, body, now.timeIntervalSince1970]
                )
            }
            var (claimed, requeued) = (0, 0)
            for (log, columns) in claimsToWrite {
                guard try Self.insertClaim(columns, db) else { continue }
                try JobQueue.schedule(log.id, at: now.addingTimeInterval(writeAfter), db)
                claimed += 1
            }
            for (session, extensionID) in endedToQueue {
                requeued += try JobQueue.scheduleLogs(of: session, extension: extensionID, at: now.addingTimeInterval(writeAfter), db).count
            }
            for (session, peer) in linksToWrite {
                try db.execute(
                    sql: "INSERT INTO call_links (session_id, peer_session_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    arguments: [session.rawValue, peer.rawValue]
                )
            }
            for (session, extensionID) in linkedToQueue {
                let targets = extensionID == nil ? [session] : try Self.linkedSessions(of: session, db).filter { $0 != session }
                for target in targets {
                    requeued += try JobQueue.scheduleLogs(of: target, extension: extensionID, at: now.addingTimeInterval(writeAfter), db).count
                }
            }
            try db.execute(sql: "UPDATE telephony_events SET folded = 1 WHERE folded = 0 AND seq <= ?", arguments: [lastSeq])
            return (claimed, requeued)
        }
        return report
    }

    public func call(_ sessionID: TelephonySessionID) async throws -> Call? {
        try await self.writer.read { db in try Self.loadCall(sessionID, db) }
    }

    public func calls(of accountID: AccountID, changedSince since: Date) async throws -> [Call] {
        try await self.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT body FROM calls WHERE account_id = ? AND updated_at >= ? ORDER BY updated_at DESC LIMIT 500",
                arguments: [accountID.rawValue, since.timeIntervalSince1970]
            ).map { try LedgerJSON.decode(Call.self, from: $0) }
        }
    }

    public func latestChange(of accountID: AccountID) async throws -> Date? {
        try await self.writer.read { db in
            let calls = try Double.fetchOne(db, sql: "SELECT MAX(updated_at) FROM calls WHERE account_id = ?", arguments: [accountID.rawValue])
            let logs = try Double.fetchOne(db, sql: "SELECT MAX(updated_at) FROM call_logs WHERE account_id = ?", arguments: [accountID.rawValue])
            return [calls, logs].compactMap { $0 }.max().map { Date(timeIntervalSince1970: $0) }
        }
    }

    public func events(of sessionID: TelephonySessionID) async throws -> [TelephonyEvent] {
        try await self.writer.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM telephony_events WHERE session_id = ? ORDER BY sequence, seq", arguments: [sessionID.rawValue])
                .map { try LedgerJSON.decode(TelephonyEvent.self, from: $0) }
        }
    }

    public func linkedCalls(of sessionID: TelephonySessionID) async throws -> CallGroup {
        try await self.writer.read { db in
            CallGroup(try Self.linkedSessions(of: sessionID, db).compactMap { try Self.loadCall($0, db) })
        }
    }

    /// The sessions reachable from `sessionID` over links either way, itself included; a
    /// conversation is a few calls, so the walk stops at 16.
    static func linkedSessions(of sessionID: TelephonySessionID, _ db: Database) throws -> [TelephonySessionID] {
        var found: [TelephonySessionID] = [sessionID]
        var next = 0
        while next < found.count, found.count < 16 {
            let session = found[next].rawValue
            next += 1
            let peers = try String.fetchAll(
                db, sql: "SELECT peer_session_id FROM call_links WHERE session_id = ? UNION SELECT session_id FROM call_links WHERE peer_session_id = ?",
                arguments: [session, session]
            )
            for peer in peers.map({ TelephonySessionID($0) }) where !found.contains(peer) { found.append(peer) }
        }
        return found
    }

    static func loadCall(_ sessionID: TelephonySessionID, _ db: Database) throws -> Call? {
        try String.fetchOne(db, sql: "SELECT body FROM calls WHERE session_id = ?", arguments: [sessionID.rawValue])
            .map { try LedgerJSON.decode(Call.self, from: $0) }
    }

    static func logKeys(of sessionID: TelephonySessionID, _ db: Database) throws -> Set<CallLogKey> {
        Set(
            try Row.fetchAll(db, sql: "SELECT account_id, extension_id, connection_id FROM call_logs WHERE session_id = ?", arguments: [sessionID.rawValue])
                .map { row in
                    CallLogKey(
                        accountID: AccountID(row["account_id"]), extensionID: ExtensionID(row["extension_id"]),
                        sessionID: sessionID, connectionID: ConnectionID(row["connection_id"])
                    )
                }
        )
    }

    /// Inserts a new log; false when its key is already claimed.
    private static func insertClaim(_ columns: CallLogColumns, _ db: Database) throws -> Bool {
        try db.execute(
            sql: """
                INSERT INTO call_logs (id, account_id, extension_id, session_id, connection_id, state, state_detail, leg,
                    artifacts, contact, crm_record_id, rendered_hash, note, attempts, started_at, created_at, updated_at, progress)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id, extension_id, session_id, connection_id) DO NOTHING
                """,
            arguments: columns.insertArguments
        )
        return db.changesCount == 1
    }
}
