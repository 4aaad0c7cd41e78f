import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// `CALLSCRIBE_RECORDINGS_DIR`: recordings are copied to a local folder once, and their links play
/// from there, ranges included, after RingCentral has deleted them.
@Suite("Recording archive")
struct RecordingArchiveEndToEndTests {
    @Test("a recording is archived once (after a failed download is retried) and plays from disk, with Range, once RingCentral has deleted it")
    func archivesAndServes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callscribe-archive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = RecordingProxyEndToEndTests.settings.merging([
            Setting.recordingsDirectory.name: folder.path, Setting.recordingArchiveCheck.name: "1",
        ]) { _, new in new }
        try await StackHarness.withStack(settings: settings) { stack in
            // RingCentral's media server fails the first download; the archiver tries again.
            stack.phone.failNextRecordingDownloads(1)
            let (call, link) = try await RecordingProxyEndToEndTests.recordedLink(stack)
            let audio = SandboxRecordingAudio.bytes(recordingID: call.recordingID)
            let file = folder.appendingPathComponent("\(call.recordingID).mp3")
            try await StackHarness.eventually("the recording is archived", timeout: .seconds(20)) {
                FileManager.default.fileExists(atPath: file.path)
            }
            #expect(try Data(contentsOf: file) == Data(audio))
            let archive = try #require(stack.callscribe.store as? any RecordingArchiveStore)
            try await StackHarness.eventually("the ledger records the archived copy") {
                try await archive.archivedRecording(call.recordingID) != nil
            }
            #expect(try await archive.archivedRecording(call.recordingID) == ArchivedRecording(fileName: file.lastPathComponent, contentType: "audio/mpeg", size: audio.count))
            #expect(stack.phone.recordingRequests(call.recordingID) == 2, "one failed download, one that worked")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(leftovers == [file.lastPathComponent], "no temporary file is left behind")

            // RingCentral's retention ends: the link still plays, from the archive.
            stack.phone.deleteRecording(call.recordingID)
            try await RecordingRangeEndToEndTests.checkRanges(link, audio: audio, sourceLabel: "archive")
            #expect(stack.phone.recordingRequests(call.recordingID) == 2, "played from disk, not from RingCentral")

            // Further passes of the archiver leave it alone.
            try await Task.sleep(for: .milliseconds(2_500))
            #expect(stack.phone.recordingRequests(call.recordingID) == 2, "never downloaded twice")
        }
    }

    @Test("the download queue is in the ledger: a recording whose downloads failed until the server stopped is archived by the next one")
    func survivesRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callscribe-archive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = RecordingProxyEndToEndTests.settings.merging([
            Setting.recordingsDirectory.name: folder.path, Setting.recordingArchiveCheck.name: "1",
        ]) { _, new in new }
        try await StackHarness.withSandboxes(settings: settings) { sandboxes, options in
            sandboxes.phone.failNextRecordingDownloads(1_000)
            let (call, port) = try await SandboxStack.runCallscribe(options, on: sandboxes) { stack in
                try await stack.waitUntilSubscribed()
                let (call, _) = try await RecordingProxyEndToEndTests.recordedLink(stack)
                try await StackHarness.eventually("a download was tried", timeout: .seconds(15)) {
                    sandboxes.phone.recordingRequests(call.recordingID) >= 1
                }
                return (call, try #require(URL(string: stack.callscribeURL)?.port))
            }
            let file = folder.appendingPathComponent("\(call.recordingID).mp3")
            #expect(!FileManager.default.fileExists(atPath: file.path))
            sandboxes.phone.failNextRecordingDownloads(0)
            var restart = options
            restart.callscribePort = port
            try await SandboxStack.runCallscribe(restart, on: sandboxes) { stack in
                try await StackHarness.eventually("the next server archives it", timeout: .seconds(20)) {
                    FileManager.default.fileExists(atPath: file.path)
                }
                #expect(try Data(contentsOf: file) == Data(SandboxRecordingAudio.bytes(recordingID: call.recordingID)))
            }
        }
    }
}
