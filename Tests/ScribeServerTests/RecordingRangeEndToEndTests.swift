import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// Seeking in a recording: the proxy answers `Range` from RingCentral, whether RingCentral serves
/// the range itself or sends the whole recording.
@Suite("Recording links answer Range requests")
struct RecordingRangeEndToEndTests {
    static func get(_ url: String, range: String?) async throws -> (status: Int, headers: HTTPHeaders, body: [UInt8]) {
        var request = HTTPClientRequest(url: url)
        if let range { request.headers.add(name: "Range", value: range) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), response.headers, Array(body.readableBytesView))
    }

    /// Checks the answers to a set of ranges against the recording's bytes.
    static func checkRanges(_ link: String, audio: [UInt8], sourceLabel: String) async throws {
        let length = audio.count
        let full = try await Self.get(link, range: nil)
        #expect(full.status == 200 && full.body == audio, "\(sourceLabel)")
        #expect(full.headers.first(name: "Accept-Ranges") == "bytes", "\(sourceLabel)")

        let head = try await Self.get(link, range: "bytes=0-9")
        #expect(head.status == 206, "\(sourceLabel)")
        #expect(head.headers.first(name: "Content-Range") == "bytes 0-9/\(length)", "\(sourceLabel)")
        #expect(head.headers.first(name: "Content-Length") == "10", "\(sourceLabel)")
        #expect(head.body == Array(audio[0...9]), "\(sourceLabel)")

        let middle = try await Self.get(link, range: "bytes=100-")
        #expect(middle.status == 206 && middle.body == Array(audio[100...]), "\(sourceLabel)")
        #expect(middle.headers.first(name: "Content-Range") == "bytes 100-\(length - 1)/\(length)", "\(sourceLabel)")

        let tail = try await Self.get(link, range: "bytes=-16")
        #expect(tail.status == 206 && tail.body == Array(audio.suffix(16)), "\(sourceLabel)")
        #expect(tail.headers.first(name: "Content-Range") == "bytes \(length - 16)-\(length - 1)/\(length)", "\(sourceLabel)")

        let beyond = try await Self.get(link, range: "bytes=\(length)-")
        #expect(beyond.status == 416, "\(sourceLabel)")
        #expect(beyond.headers.first(name: "Content-Range") == "bytes */\(length)", "\(sourceLabel)")
        #expect(String(decoding: beyond.body, as: UTF8.self).contains("\"code\":\"range_not_satisfiable\""), "\(sourceLabel)")

        // Several ranges are answered with the whole recording, as RFC 9110 allows.
        let several = try await Self.get(link, range: "bytes=0-1,5-6")
        #expect(several.status == 200 && several.body == audio, "\(sourceLabel)")
    }

    @Test("one range is a 206 with Content-Range, past the end a 416, several ranges the whole; also when RingCentral ignores Range")
    func ranges() async throws {
        try await StackHarness.withStack(settings: RecordingProxyEndToEndTests.settings) { stack in
            let (call, link) = try await RecordingProxyEndToEndTests.recordedLink(stack)
            let audio = SandboxRecordingAudio.bytes(recordingID: call.recordingID)
            try await Self.checkRanges(link, audio: audio, sourceLabel: "RingCentral serving ranges")
            stack.phone.ignoresRanges = true
            try await Self.checkRanges(link, audio: audio, sourceLabel: "RingCentral sending the whole")
        }
    }
}
