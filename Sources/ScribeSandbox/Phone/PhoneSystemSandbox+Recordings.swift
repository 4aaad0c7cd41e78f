import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ScribeCore
import Synchronization

/// What the sandbox's recording content route remembers: recordings it no longer keeps, and knobs
/// for failures and for ignoring `Range`.
struct SandboxRecordingState: Sendable {
    /// Recordings deleted, as RingCentral deletes them after its retention period.
    var deleted: Set<String> = []
    /// Answer this many upcoming content requests with 503.
    var failNext = 0
    /// Answer ranged requests with the whole recording (200), as a server without Range support would.
    var ignoreRanges = false
    /// Content requests received, by recording id.
    var requests: [String: Int] = [:]
}

extension PhoneSystemSandbox {
    /// Deletes a recording's content, as RingCentral does once its retention period has passed:
    /// from then on it answers 404.
    public func deleteRecording(_ recordingID: String) {
        self.state.withLock { _ = $0.recordings.deleted.insert(recordingID) }
    }

    /// Answers the next `count` recording content requests with 503, as a RingCentral media server
    /// having trouble would; replaces any count set before (0 ends the trouble).
    public func failNextRecordingDownloads(_ count: Int) {
        self.state.withLock { $0.recordings.failNext = max(0, count) }
    }

    /// Whether the content route ignores `Range` and sends the whole recording.
    public var ignoresRanges: Bool {
        get { self.state.withLock { $0.recordings.ignoreRanges } }
        set { self.state.withLock { $0.recordings.ignoreRanges = newValue } }
    }

    /// How many content requests recording `recordingID` has had (failed ones included).
    public func recordingRequests(_ recordingID: String) -> Int {
        self.state.withLock { $0.recordings.requests[recordingID] ?? 0 }
    }

    /// `GET …/recording/{id}/content`: a finished recording's audio. RingCentral's media server
    /// serves ranges ("download any media resource in pieces by passing HTTP Range headers",
    /// developers.ringcentral.com/guide/basics/media): one range of bytes is a 206 with
    /// `Content-Range`. An unknown id, one not ready yet, or one deleted answers as RingCentral does.
    func recordingContent(id: String, range header: String?) -> Response {
        let now = Date()
        let (failing, deleted, ignoreRanges) = self.state.withLock { state -> (Bool, Bool, Bool) in
            state.recordings.requests[id, default: 0] += 1
            let failing = state.recordings.failNext > 0
            if failing { state.recordings.failNext -= 1 }
            return (failing, state.recordings.deleted.contains(id), state.recordings.ignoreRanges)
        }
        if failing {
            return self.json(PhoneSandboxPayloads.error(code: "CMN-201", message: "Service Temporary Unavailable"), status: .serviceUnavailable)
        }
        let ready = !deleted && (self.calls.contains { $0.recordingID == id && $0.recorded && $0.outcome == .answered && $0.recordingReadyAt <= now } || self.scenarioRecordingReady(id, now: now))
        guard ready else {
            var error = PhoneSandboxPayloads.error(code: "CMN-102", message: "Resource for parameter [recordingId] is not found")
            error["errors"] = [["errorCode": "CMN-102", "message": "Resource for parameter [recordingId] is not found", "parameterName": "recordingId"]]
            error["parameterName"] = "recordingId"
            return self.json(error, status: .notFound)
        }
        let bytes = SandboxRecordingAudio.bytes(recordingID: id)
        var headers: HTTPFields = [.contentType: SandboxRecordingAudio.contentType, .contentDisposition: "inline"]
        let range = ignoreRanges ? RangeRequest.whole : RangeRequest.parse(header)
        switch range.resolve(length: bytes.count) {
        case .whole:
            if !ignoreRanges { headers[.acceptRanges] = "bytes" }
            headers[.contentLength] = String(bytes.count)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        case .partial(let part):
            headers[.acceptRanges] = "bytes"
            headers[.contentRange] = part.contentRange(completeLength: bytes.count)
            headers[.contentLength] = String(part.count)
            return Response(status: .partialContent, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes[part.first...part.last])))
        case .unsatisfiable:
            // The error body's code is not documented for this case; the status and Content-Range are HTTP's.
            var response = self.json(PhoneSandboxPayloads.error(code: "CMN-101", message: "Parameter [Range] value is invalid"), status: .rangeNotSatisfiable)
            response.headers[.contentRange] = ByteRange.unsatisfiedContentRange(completeLength: bytes.count)
            return response
        }
    }
}
