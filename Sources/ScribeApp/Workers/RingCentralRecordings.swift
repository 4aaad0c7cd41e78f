import Foundation
import ScribeCore
import ScribeTelephony

/// Finds a finished call's recording in RingCentral's call log, where it appears once the phone
/// system has finished it (the events carry the id from the start, but not a playable link).
struct RingCentralRecordings: RecordingSource {
    let client: RingCentralClient

    func recordingLink(for leg: CallLeg) async throws -> RecordingLink? {
        let records = try await self.client.callLog(telephonySessionID: leg.sessionID)
        let recordings = records.compactMap(\.recording)
        guard let recording = recordings.first(where: { leg.recordingIDs.contains($0.id) }) ?? recordings.first,
            let url = recording.contentUri ?? recording.uri
        else { return nil }
        return RecordingLink(recordingID: recording.id, url: url)
    }
}
