import Foundation

/// The ledger's record of recordings copied to the local archive. Every recording the ledger
/// learns is queued here (whether or not archiving is on, so turning it on later archives those
/// already known); each is downloaded once, and its row says where the copy is.
public protocol RecordingArchiveStore: Sendable {
    /// Leases up to `limit` recordings due for download until `leaseUntil`, oldest first; a
    /// download whose lease lapsed (its process died) is due again.
    func claimRecordingDownloads(limit: Int, now: Date, leaseUntil: Date) async throws -> [RecordingDownload]
    /// Records that the recording is in the archive under `file`; it is never downloaded again.
    func markRecordingArchived(_ recordingID: String, file: ArchivedRecording, now: Date) async throws
    /// Records a failed download: tried again at `retryAt`, or given up when it is nil.
    func markRecordingDownloadFailed(_ recordingID: String, error: String, retryAt: Date?, now: Date) async throws
    /// The archived copy of a recording, if there is one.
    func archivedRecording(_ recordingID: String) async throws -> ArchivedRecording?
    /// When the next queued download is due, for an archiver deciding how long to sleep.
    func nextRecordingDownloadDue() async throws -> Date?
}

/// A recording waiting to be archived.
public struct RecordingDownload: Sendable, Hashable {
    public var recordingID: String
    public var sessionID: TelephonySessionID
    /// Failed attempts so far.
    public var attempts: Int

    public init(recordingID: String, sessionID: TelephonySessionID, attempts: Int) {
        self.recordingID = recordingID
        self.sessionID = sessionID
        self.attempts = attempts
    }
}

/// Where an archived recording is: a file name inside the archive folder, never a path, so the
/// folder can move.
public struct ArchivedRecording: Sendable, Hashable {
    public var fileName: String
    public var contentType: String
    public var size: Int

    public init(fileName: String, contentType: String, size: Int) {
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
    }
}
