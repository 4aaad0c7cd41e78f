#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NIOCore
import ScribeCore
import ScribeTelephony

/// The local folder recordings are archived in (`CALLSCRIBE_RECORDINGS_DIR`): one file per
/// recording, `<id>.mp3` or `<id>.wav`.
///
/// A file appears under its final name only once it is complete and on disk: it is written under a
/// temporary name, flushed with `fsync`, renamed, and the folder flushed, so a crash leaves at most a
/// temporary file, which the next start removes.
struct RecordingFolder: Sendable {
    let url: URL

    static let partialSuffix = ".partial"
    /// Read and written in pieces of this size.
    static let chunkSize = 64 * 1024

    /// Creates the folder if needed and removes what a crash mid-download left behind.
    func prepare() throws(RecordingArchiveError) {
        do {
            try FileManager.default.createDirectory(at: self.url, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: self.url.path) where name.hasSuffix(Self.partialSuffix) {
                try? FileManager.default.removeItem(at: self.url.appendingPathComponent(name))
            }
        } catch {
            throw RecordingArchiveError(operation: "archive.prepare", recordingID: "-", message: "cannot use \(self.url.path): \(error)", isRetryable: false)
        }
    }

    /// Writes the whole of `content` as recording `recordingID`'s file and says what was stored.
    func store(_ recordingID: String, content: RecordingContent) async throws(RecordingArchiveError) -> ArchivedRecording {
        let fileName = recordingID + Self.fileExtension(for: content.contentType)
        let temporary = self.url.appendingPathComponent(".\(recordingID).\(UUID().uuidString)\(Self.partialSuffix)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw self.failure("archive.create", recordingID, "cannot create \(temporary.lastPathComponent): \(Self.errnoText())") }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        do {
            var size = 0
            for try await chunk in content.body {
                try Self.writeAll(chunk, to: descriptor)
                size += chunk.readableBytes
            }
            if let expected = content.contentLength, expected != size {
                throw self.failure("archive.download", recordingID, "the download ended after \(size) of \(expected) bytes")
            }
            guard fsync(descriptor) == 0 else { throw self.failure("archive.fsync", recordingID, Self.errnoText()) }
            closed = true
            guard close(descriptor) == 0 else { throw self.failure("archive.close", recordingID, Self.errnoText()) }
            guard rename(temporary.path, self.url.appendingPathComponent(fileName).path) == 0 else {
                throw self.failure("archive.rename", recordingID, Self.errnoText())
            }
            // The rename is durable only once the folder itself is flushed.
            let folder = open(self.url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 {
                _ = fsync(folder)
                close(folder)
            }
            return ArchivedRecording(fileName: fileName, contentType: content.contentType, size: size)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? RecordingArchiveError { throw error }
            throw self.failure("archive.download", recordingID, "\(error)")
        }
    }

    /// The archived file's bytes (all, or `range`), or nil when the file is gone or not the size
    /// the ledger recorded (someone removed or changed it): the caller falls back to RingCentral.
    func content(of archived: ArchivedRecording, range: ByteRange?) -> RecordingContent? {
        let path = self.url.appendingPathComponent(archived.fileName).path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            (attributes[.size] as? NSNumber)?.intValue == archived.size
        else { return nil }
        let part = range ?? (archived.size > 0 ? ByteRange(first: 0, last: archived.size - 1) : nil)
        let body = FileChunks(path: path, offset: part?.first ?? 0, count: part?.count ?? 0)
        return RecordingContent(
            contentType: archived.contentType, contentLength: part?.count ?? 0, range: range, completeLength: archived.size, body: body
        )
    }

    static func fileExtension(for contentType: String) -> String {
        switch contentType.lowercased().split(separator: ";").first?.trimmingCharacters(in: .whitespaces) {
        case "audio/mpeg", "audio/mp3": ".mp3"
        case "audio/wav", "audio/x-wav", "audio/wave": ".wav"
        default: ".audio"
        }
    }

    private static func writeAll(_ chunk: ByteBuffer, to descriptor: Int32) throws(RecordingArchiveError) {
        var failure: String?
        chunk.withUnsafeReadableBytes { bytes in
            var written = 0
            while written < bytes.count {
                let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = Self.errnoText()
                    return
                }
                written += result
            }
        }
        if let failure { throw RecordingArchiveError(operation: "archive.write", recordingID: "-", message: failure) }
    }

    private func failure(_ operation: String, _ recordingID: String, _ message: String) -> RecordingArchiveError {
        RecordingArchiveError(operation: operation, recordingID: recordingID, message: message)
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

/// A file's bytes `offset ..< offset + count`, read in chunks as they are asked for.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let path: String
    let offset: Int
    let count: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let path: String
        var offset: Int
        var remaining: Int
        var handle: FileHandle?

        mutating func next() async throws -> ByteBuffer? {
            guard self.remaining > 0 else {
                try? self.handle?.close()
                self.handle = nil
                return nil
            }
            if self.handle == nil {
                let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: self.path))
                try handle.seek(toOffset: UInt64(self.offset))
                self.handle = handle
            }
            guard let data = try self.handle?.read(upToCount: Swift.min(RecordingFolder.chunkSize, self.remaining)), !data.isEmpty else {
                throw RecordingArchiveError(operation: "archive.read", recordingID: URL(fileURLWithPath: self.path).lastPathComponent, message: "the file ended early")
            }
            self.remaining -= data.count
            return ByteBuffer(bytes: data)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(path: self.path, offset: self.offset, remaining: self.count, handle: nil)
    }
}
