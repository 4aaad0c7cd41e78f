import Foundation
import GRDB
import ScribeCore

/// A call log as the `call_logs` table holds it: the state's name for filtering, the details as JSON.
struct CallLogColumns {
    let log: CallLog
    let stateDetail: String
    let leg: String
    let artifacts: String
    let contact: String?
    let progress: String

    init(_ log: CallLog) throws {
        self.log = log
        self.stateDetail = try LedgerJSON.encode(log.state)
        self.leg = try LedgerJSON.encode(log.leg)
        self.artifacts = try LedgerJSON.encode(log.artifacts)
        self.contact = try log.contact.map(LedgerJSON.encode)
        self.progress = try LedgerJSON.encode(Progress(log))
    }

    /// The writer's bookkeeping beyond the state, as one JSON column.
    struct Progress: Codable {
        var candidates: [Contact]
        var written: [Artifact: String]
        var personEdited: Bool
        var createAttempted: Bool
        /// Absent from rows written before it was kept.
        var writtenInProgress: Bool?
        var timeline: [LogEvent]
        var requestHandledAt: Date?

        init(_ log: CallLog) {
            self.candidates = log.candidates
            self.written = log.written
            self.personEdited = log.personEdited
            self.createAttempted = log.createAttempted
            self.writtenInProgress = log.writtenInProgress
            self.timeline = log.timeline
            self.requestHandledAt = log.requestHandledAt
        }

        func apply(to log: inout CallLog) {
            log.candidates = self.candidates
            log.written = self.written
            log.personEdited = self.personEdited
            log.createAttempted = self.createAttempted
            log.writtenInProgress = self.writtenInProgress ?? false
            log.timeline = self.timeline
            log.requestHandledAt = self.requestHandledAt
        }
    }

    var insertArguments: StatementArguments {
        [
            self.log.id.rawValue, self.log.key.accountID.rawValue, self.log.key.extensionID.rawValue, self.log.key.sessionID.rawValue,
            self.log.key.connectionID.rawValue, self.log.state.name, self.stateDetail, self.leg, self.artifacts, self.contact,
            self.log.crmRecordID?.rawValue, self.log.renderedHash, self.log.note, self.log.attempts,
            self.log.leg.startedAt.timeIntervalSince1970, self.log.createdAt.timeIntervalSince1970,
            self.log.updatedAt.timeIntervalSince1970, self.progress,
        ]
    }

    /// Writes every column the writer owns; the person's ``CallLog/request`` is left as it is.
    func update(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE call_logs SET state = ?, state_detail = ?, leg = ?, artifacts = ?, contact = ?, crm_record_id = ?, rendered_hash = ?,
                    note = ?, attempts = ?, updated_at = ?, progress = ? WHERE id = ?
                """,
            arguments: [
                self.log.state.name, self.stateDetail, self.leg, self.artifacts, self.contact, self.log.crmRecordID?.rawValue, self.log.renderedHash,
                self.log.note, self.log.attempts, self.log.updatedAt.timeIntervalSince1970, self.progress, self.log.id.rawValue,
            ]
        )
        guard db.changesCount == 1 else { throw LedgerStoreError.callLogNotFound(self.log.id) }
    }

    static func decode(_ row: Row) throws -> CallLog {
        let key = CallLogKey(
            accountID: AccountID(row["account_id"]), extensionID: ExtensionID(row["extension_id"]),
            sessionID: TelephonySessionID(row["session_id"]), connectionID: ConnectionID(row["connection_id"])
        )
        var log = CallLog(
            id: CallLogID(row["id"]), key: key, leg: try LedgerJSON.decode(CallLeg.self, from: row["leg"]),
            createdAt: Date(timeIntervalSince1970: row["created_at"] as Double)
        )
        log.state = try LedgerJSON.decode(CallLogState.self, from: row["state_detail"])
        log.artifacts = try LedgerJSON.decode(ArtifactChecklist.self, from: row["artifacts"])
        log.contact = try (row["contact"] as String?).map { try LedgerJSON.decode(Contact.self, from: $0) }
        log.crmRecordID = (row["crm_record_id"] as String?).map { CRMRecordID($0) }
        log.renderedHash = row["rendered_hash"]
        log.note = row["note"]
        log.attempts = row["attempts"]
        log.updatedAt = Date(timeIntervalSince1970: row["updated_at"] as Double)
        if let progress = row["progress"] as String? {
            try LedgerJSON.decode(Progress.self, from: progress).apply(to: &log)
        }
        log.request = try (row["request"] as String?).map { try LedgerJSON.decode(PersonRequest.self, from: $0) }
        return log
    }
}

/// Failures of the ledger itself (as opposed to SQLite's own errors).
public enum LedgerStoreError: Error, Hashable, CustomStringConvertible {
    case callLogNotFound(CallLogID)
    /// A stored value is not what the schema promises.
    case corruptValue(String)

    public var description: String {
        switch self {
        case .callLogNotFound(let id): "no call log with id \(id)"
        case .corruptValue(let what): "the ledger holds an unreadable value: \(what)"
        }
    }
}
