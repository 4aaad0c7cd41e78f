import Foundation

/// One answer of the call-log sync: the records and the token to pass to the next ISync.
public struct CallLogSyncResult: Sendable, Hashable {
    /// The records, newest first: all of them for an FSync, the new and changed ones for an ISync.
    public var records: [CallLogRecord]
    /// `FSync` or `ISync`, as RingCentral answered (it may answer an ISync with a full sync).
    public var syncType: String
    /// What the next ISync passes; RingCentral's value, opaque.
    public var syncToken: String
    /// When RingCentral took the snapshot, by its clock; nil when its time cannot be read.
    public var syncTime: Date?

    public init(records: [CallLogRecord], syncType: String, syncToken: String, syncTime: Date?) {
        self.records = records
        self.syncType = syncType
        self.syncToken = syncToken
        self.syncTime = syncTime
    }
}

/// `GET …/call-log-sync` answer.
struct CallLogSyncResponse: Codable {
    struct SyncInfo: Codable {
        var syncType: String
        var syncToken: String
        var syncTime: String?
    }

    var records: [CallLogRecord]
    var syncInfo: SyncInfo
}
