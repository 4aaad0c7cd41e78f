import Foundation
import NIOCore
import ScribeCore
import ScribeTelephony
import Testing

@testable import ScribeApp

/// The archive folder on a real disk: complete files only, under their final names.
@Suite("Recording archive folder")
struct RecordingFolderTests {
    static func withFolder(_ body: (RecordingFolder) async throws -> Void) async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("callscribe-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try await body(RecordingFolder(url: url))
    }

    /// `bytes` in chunks of `size`, announced as `announced` bytes long.
    static func content(_ bytes: [UInt8], chunk size: Int, announced: Int?, contentType: String = "audio/wav") -> RecordingContent {
        let chunks = stride(from: 0, to: bytes.count, by: size).map { ByteBuffer(bytes: bytes[$0..<min($0 + size, bytes.count)]) }
        return RecordingContent(contentType: contentType, contentLength: announced, body: Chunks(chunks: chunks))
    }

    struct Chunks: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let chunks: [ByteBuffer]
        struct AsyncIterator: AsyncIteratorProtocol {
            var rest: [ByteBuffer]
            mutating func next() async throws -> ByteBuffer? { self.rest.isEmpty ? nil : self.rest.removeFirst() }
        }
        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(rest: self.chunks) }
    }

    static func read(_ content: RecordingContent) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in content.body { bytes += chunk.readableBytesView }
        return bytes
    }

    @Test("stores a recording under its final name, reads it back whole or in part, and start-up clears a crash's leftovers")
    func storesAndReads() async throws {
        try await Self.withFolder { folder in
            try folder.prepare()
            // What a process killed mid-download leaves behind.
            let leftover = folder.url.appendingPathComponent(".77.dead\(RecordingFolder.partialSuffix)")
            try Data([1, 2, 3]).write(to: leftover)
            try folder.prepare()
            #expect(!FileManager.default.fileExists(atPath: leftover.path))

            let audio = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
            let stored = try await folder.store("77", content: Self.content(audio, chunk: 50_000, announced: audio.count))
            #expect(stored == ArchivedRecording(fileName: "77.wav", contentType: "audio/wav", size: audio.count))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["77.wav"])

            let whole = try #require(folder.content(of: stored, range: nil))
            #expect(whole.range == nil && whole.contentLength == audio.count && whole.completeLength == audio.count)
            #expect(try await Self.read(whole) == audio)
            let part = try #require(folder.content(of: stored, range: ByteRange(first: 65_000, last: 140_000)))
            #expect(part.range == ByteRange(first: 65_000, last: 140_000) && part.contentLength == 75_001)
            #expect(try await Self.read(part) == Array(audio[65_000...140_000]))

            // A file someone removed is not served (the link falls back to RingCentral).
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("77.wav"))
            #expect(folder.content(of: stored, range: nil) == nil)
        }
    }

    @Test("a download that ends short of its announced length leaves no file, final or temporary")
    func shortDownload() async throws {
        try await Self.withFolder { folder in
            try folder.prepare()
            let error = await #expect(throws: RecordingArchiveError.self) {
                try await folder.store("78", content: Self.content([UInt8](repeating: 9, count: 1_000), chunk: 300, announced: 4_000, contentType: "audio/mpeg"))
            }
            #expect(error?.operation == "archive.download" && error?.isRetryable == true)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        }
    }

    @Test("names files by the audio type")
    func fileExtensions() {
        #expect(RecordingFolder.fileExtension(for: "audio/mpeg") == ".mp3")
        #expect(RecordingFolder.fileExtension(for: "audio/wav") == ".wav")
        #expect(RecordingFolder.fileExtension(for: "Audio/MPEG; charset=binary") == ".mp3")
        #expect(RecordingFolder.fileExtension(for: "audio/ogg") == ".audio")
    }
}
