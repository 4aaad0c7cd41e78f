import Foundation
import ScribeCore

extension Setting {
    public static let recordingsDirectory = Setting(
        "CALLSCRIBE_RECORDINGS_DIR", default: nil,
        "Folder to archive call recordings in, so recording links keep playing after RingCentral's 90-day retention. Default: none (off)."
    )
    public static let recordingArchiveCheck = Setting(
        "CALLSCRIBE_RECORDINGS_CHECK_SECONDS", default: "30", "Seconds between looks for recordings to archive (1-86400)."
    )

    /// The archive settings, in the order `--help` lists them.
    static let recordingArchive: [Setting] = [.recordingsDirectory, .recordingArchiveCheck]
}

/// Whether and where recordings are copied to a local folder.
public struct RecordingArchiveSettings: Sendable, Hashable {
    /// The archive folder; nil leaves recordings with RingCentral only.
    public var directory: URL?
    /// How often the archiver looks for recordings the ledger has learned since.
    public var checkInterval: TimeInterval
    /// Backoff between attempts at one download; after the last one it is given up (its link still
    /// plays from RingCentral while RingCentral keeps it).
    public var retryPolicy = RetryPolicy(baseDelay: 2, maximumDelay: 3600, maximumAttempts: 12)

    public init(directory: URL?, checkInterval: TimeInterval) {
        self.directory = directory
        self.checkInterval = checkInterval
    }

    init(_ source: SettingsSource) throws(ConfigurationError) {
        let directory = source.string(.recordingsDirectory).flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
        self.init(directory: directory, checkInterval: TimeInterval(try source.integer(.recordingArchiveCheck, in: 1...86_400)))
    }
}
