import Foundation
import Logging

/// An append-only file of call records, one JSON object per line, so that a sandbox CRM killed and
/// restarted (a demo) still has what it was sent. Each create or update appends the whole record;
/// on load the last line for an id wins.
struct SandboxCallJournal: Sendable {
    let url: URL
    let logger: Logger

    /// The records in the file, in the order they were first created; unreadable lines are skipped.
    func load() -> [SandboxCallRecord] {
        guard let data = try? Data(contentsOf: self.url) else { return [] }
        let decoder = JSONDecoder()
        var order: [String] = []
        var latest: [String: SandboxCallRecord] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let record = try? decoder.decode(SandboxCallRecord.self, from: Data(line)) else {
                self.logger.warning("Skipping an unreadable line in the sandbox CRM journal", metadata: ["file": "\(self.url.path)"])
                continue
            }
            if latest.updateValue(record, forKey: record.id) == nil { order.append(record.id) }
        }
        return order.compactMap { latest[$0] }
    }

    /// Appends `record` as one line.
    func append(_ record: SandboxCallRecord) {
        do {
            var line = try JSONEncoder().encode(record)
            line.append(UInt8(ascii: "\n"))
            if !FileManager.default.fileExists(atPath: self.url.path) {
                try FileManager.default.createDirectory(at: self.url.deletingLastPathComponent(), withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: self.url.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: self.url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } catch {
            self.logger.error("Could not append to the sandbox CRM journal", metadata: ["file": "\(self.url.path)", "error": "\(error)"])
        }
    }
}
