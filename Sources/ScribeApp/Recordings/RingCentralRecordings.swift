import Foundation
import ScribeCore
import ScribeTelephony

/// Finds a finished call's recording in RingCentral's call log, where it appears once the phone
/// system has finished it (the events carry the id from the start, but not a playable link).
///
/// The link given out is Callscribe's signed proxy link, never RingCentral's content URL, which
/// answers 401 to anyone without an access token.
struct RingCentralRecordings: RecordingSource {
    let client: RingCentralClient
    let links: RecordingLinks

    func recordingLink(for leg: CallLeg) async throws -> RecordingLink? {
        let records = try await self.client.callLog(telephonySessionID: leg.sessionID)
        let recordings = records.compactMap(\.recording)
        guard let recording = recordings.first(where: { leg.recordingIDs.contains($0.id) }) ?? recordings.first else { return nil }
        return RecordingLink(recordingID: recording.id, url: await self.links.url(for: recording.id))
    }
}
