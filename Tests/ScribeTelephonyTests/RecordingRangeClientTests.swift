import Foundation
import NIOCore
import ScribeCore
import ScribeSandbox
import ScribeTelephony
import Testing

/// The client's ranged recording downloads against the sandbox's content route, which serves
/// ranges as RingCentral's media server does.
@Suite("Recording content ranges")
struct RecordingRangeClientTests {
    static func recordedCall(_ phone: PhoneSystemSandbox) throws -> ScriptedCall {
        var random = SeededGenerator(seed: 5)
        var call = CallScripts(company: phone.company, timeScale: 0.01).endedCall(number: 9, endingAt: Date().addingTimeInterval(-600), using: &random)
        call.outcome = .answered
        call.recorded = true
        try phone.place(call)
        return call
    }

    static func bytes(_ content: RecordingContent) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in content.body { bytes += chunk.readableBytesView }
        return bytes
    }

    @Test("a range is passed upstream and answered with that part (206, Content-Range); a range past the end is a 416")
    func ranged() async throws {
        try await RingCentralClientTests.withPhone { phone, client, _, _ in
            let call = try Self.recordedCall(phone)
            let audio = SandboxRecordingAudio.bytes(recordingID: call.recordingID)

            let middle = try await client.recordingContent(id: call.recordingID, range: .from(first: 10, last: 29))
            #expect(middle.range == ByteRange(first: 10, last: 29))
            #expect(middle.completeLength == audio.count && middle.contentLength == 20)
            #expect(try await Self.bytes(middle) == Array(audio[10...29]))

            let tail = try await client.recordingContent(id: call.recordingID, range: .suffix(count: 7))
            #expect(tail.range == ByteRange(first: audio.count - 7, last: audio.count - 1))
            #expect(try await Self.bytes(tail) == Array(audio.suffix(7)))

            let whole = try await client.recordingContent(id: call.recordingID)
            #expect(whole.range == nil && whole.completeLength == audio.count)
            #expect(try await Self.bytes(whole) == audio)

            let error = await #expect(throws: TelephonyError.self) {
                try await client.recordingContent(id: call.recordingID, range: .from(first: audio.count, last: nil))
            }
            #expect(error?.status == 416)
        }
    }

    @Test("a deleted recording is a 404, and a failing media server a retryable 503")
    func deletedAndFailing() async throws {
        try await RingCentralClientTests.withPhone { phone, client, _, _ in
            let call = try Self.recordedCall(phone)
            phone.failNextRecordingDownloads(1)
            let failure = await #expect(throws: TelephonyError.self) { try await client.recordingContent(id: call.recordingID) }
            #expect(failure?.status == 503 && failure?.isRetryable == true)
            #expect(try await Self.bytes(try await client.recordingContent(id: call.recordingID)).count > 0)

            phone.deleteRecording(call.recordingID)
            let gone = await #expect(throws: TelephonyError.self) { try await client.recordingContent(id: call.recordingID) }
            #expect(gone?.status == 404)
            #expect(phone.recordingRequests(call.recordingID) == 3)
        }
    }
}
