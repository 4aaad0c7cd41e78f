import Foundation

/// Where a finished call's recording link comes from (the phone system's call log).
public protocol RecordingSource: Sendable {
    /// The playable link of `leg`'s recording, or nil while the phone system has not finished it.
    func recordingLink(for leg: CallLeg) async throws -> RecordingLink?
}
