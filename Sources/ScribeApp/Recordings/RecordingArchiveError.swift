/// A recording that could not be copied into the archive folder, or read back from it.
struct RecordingArchiveError: Error, Sendable, CustomStringConvertible {
    /// What was being done, e.g. `archive.write`.
    var operation: String
    var recordingID: String
    var message: String
    /// Whether trying again later may succeed (a full disk may be freed; a bad folder setting will not mend itself).
    var isRetryable: Bool = true

    var description: String { "\(self.operation) of recording \(self.recordingID) failed: \(self.message)" }
}
