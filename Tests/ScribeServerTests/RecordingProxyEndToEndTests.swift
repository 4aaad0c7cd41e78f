import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The recording link in a CRM record, over real loopback HTTP: it points at Callscribe, not at
/// RingCentral, and plays the sandbox phone system's audio to a caller with no credentials.
@Suite("Recording links play through Callscribe")
struct RecordingProxyEndToEndTests {
    static let settings = [Setting.recordingSlack.name: "2"]

    /// Places a recorded call and waits until its CRM record carries the recording link.
    static func recordedLink(_ stack: RunningSandboxStack) async throws -> (call: ScriptedCall, link: String) {
        let call = try InsightsEndToEndTests.placeRecordedCall(stack)
        try await StackHarness.eventually("the CRM record carries the recording link", timeout: .seconds(20)) {
            try await InsightsEndToEndTests.record(stack, call)?.properties["hs_call_recording_url"] != nil
        }
        let record = try #require(try await InsightsEndToEndTests.record(stack, call))
        return (call, try #require(record.properties["hs_call_recording_url"]))
    }

    static func get(_ url: String) async throws -> (status: Int, headers: HTTPHeaders, body: [UInt8]) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), response.headers, Array(body.readableBytesView))
    }

    @Test("the record links to Callscribe; the link plays the recording's audio without signing in; a tampered link is a 404")
    func playsThroughCallscribe() async throws {
        try await StackHarness.withStack(settings: Self.settings) { stack in
            let (call, link) = try await Self.recordedLink(stack)
            #expect(link.hasPrefix(stack.callscribeURL + "/recordings/\(call.recordingID)?sig="), "\(link)")
            #expect(!link.contains(stack.phoneURL) && !link.contains("/restapi/"), "RingCentral's content URL stays out of the record")

            let played = try await Self.get(link)
            #expect(played.status == 200)
            #expect(played.headers.first(name: "Content-Type") == "audio/mpeg")
            #expect(played.headers.first(name: "Cache-Control") == "private")
            let audio = SandboxRecordingAudio.bytes(recordingID: call.recordingID)
            #expect(played.headers.first(name: "Content-Length") == String(audio.count))
            #expect(played.body == audio)

            // A changed signature, another recording's id with this signature, and no signature at all.
            let signature = try #require(link.split(separator: "=", maxSplits: 1).last)
            let base = stack.callscribeURL + "/recordings/"
            let flipped = (signature.first == "A" ? "B" : "A") + signature.dropFirst()
            let tampered = [
                base + "\(call.recordingID)?sig=\(flipped)", base + "\(Int(call.recordingID)! + 1)?sig=\(signature)", base + call.recordingID,
                base + "not-a-number?sig=\(signature)",
            ]
            for url in tampered {
                let answer = try await Self.get(url)
                #expect(answer.status == 404, "\(url)")
                #expect(answer.headers.first(name: "Content-Type") == "application/json")
                #expect(String(decoding: answer.body, as: UTF8.self).contains("\"code\":\"not_found\""), "\(url)")
            }
        }
    }

    @Test("a signed link to a recording RingCentral does not have is a 404; RingCentral's rate limit is a 503 with Retry-After")
    func ringCentralFailures() async throws {
        try await StackHarness.withStack(settings: Self.settings) { stack in
            let (_, link) = try await Self.recordedLink(stack)
            let missing = try await Self.get(await stack.callscribe.recordingURL(for: "799999999"))
            #expect(missing.status == 404 && String(decoding: missing.body, as: UTF8.self).contains("\"code\":\"not_found\""))

            stack.phone.rateLimitNext(1, retryAfter: 7)
            let limited = try await Self.get(link)
            #expect(limited.status == 503)
            #expect(limited.headers.first(name: "Retry-After").flatMap(Int.init).map { $0 >= 1 && $0 <= 7 } == true)
            #expect(String(decoding: limited.body, as: UTF8.self).contains("\"code\":\"phone_system_busy\""))
        }
    }
}
