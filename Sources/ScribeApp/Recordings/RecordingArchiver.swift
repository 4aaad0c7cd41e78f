import Foundation
import Logging
import ScribeCore
import ScribeTelephony
import ServiceLifecycle

/// Copies each recording the ledger learns into the archive folder, once, so its link keeps
/// playing after RingCentral deletes it (90 days on). Runs only when `CALLSCRIBE_RECORDINGS_DIR` is set.
///
/// Downloads go one at a time: recording content is in RingCentral's Heavy rate-limit group (10 a
/// minute by default), shared with the call-log reads that matter more. A failed download is tried
/// again with backoff; the queue is in the ledger, so a restart goes on where it stopped.
struct RecordingArchiver: Service {
    let store: any RecordingArchiveStore
    let client: RingCentralClient
    let folder: RecordingFolder
    let ready: OneShot<AccountID>
    let settings: RecordingArchiveSettings
    let effects: Effects
    let logger: Logger
    /// How long one download may hold its claim before another run may take it.
    static let lease: TimeInterval = 15 * 60

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            guard (try? await self.ready.wait()) != nil else { return }
            do {
                try self.folder.prepare()
            } catch {
                self.logger.error("recording archive disabled", metadata: ["error": "\(error)"])
                return
            }
            while !Task.isCancelled {
                do {
                    while try await self.archiveDue() > 0, !Task.isCancelled {}
                } catch {
                    self.logger.warning("recording archive pass failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .seconds(await self.wait()))
            }
        }
    }

    /// Downloads the recordings due now, a few at a time; returns how many were tried.
    func archiveDue() async throws -> Int {
        let now = self.effects.now()
        let due = try await self.store.claimRecordingDownloads(limit: 10, now: now, leaseUntil: now.addingTimeInterval(Self.lease))
        for download in due where !Task.isCancelled {
            await self.archive(download)
        }
        return due.count
    }

    /// One download: written to the folder and recorded, or its failure recorded with the next try.
    func archive(_ download: RecordingDownload) async {
        let id = download.recordingID
        do {
            let content = try await self.client.recordingContent(id: id)
            let file = try await self.folder.store(id, content: content)
            try await self.store.markRecordingArchived(id, file: file, now: self.effects.now())
            self.logger.info("recording archived", metadata: ["recording": "\(id)", "file": "\(file.fileName)", "bytes": "\(file.size)"])
        } catch {
            let now = self.effects.now()
            let (retryable, hint) = Self.retry(error)
            let retryAt = retryable
                ? self.settings.retryPolicy.nextAttempt(after: download.attempts + 1, now: now, hint: hint, random: self.effects.random()) : nil
            self.logger.warning(
                "recording archive download failed",
                metadata: ["recording": "\(id)", "error": "\(error)", "retryAt": "\(retryAt.map { $0.iso8601 } ?? "never")"]
            )
            do {
                try await self.store.markRecordingDownloadFailed(id, error: "\(error)", retryAt: retryAt, now: now)
            } catch {
                // The lease lapses and the download is tried again.
                self.logger.warning("recording archive could not record a failure", metadata: ["recording": "\(id)", "error": "\(error)"])
            }
        }
    }

    /// Whether a failure is worth another try, and the least wait RingCentral asked for.
    static func retry(_ error: any Error) -> (Bool, TimeInterval?) {
        switch error {
        case let error as TelephonyError:
            if case .rateLimited(let retryAfter) = error.kind { return (true, retryAfter) }
            // A recording RingCentral does not have yet (or any more) may still appear; the attempts cap the wait.
            return (error.isRetryable || error.status == 404, nil)
        case let error as RecordingArchiveError:
            return (error.isRetryable, nil)
        default:
            return (true, nil)
        }
    }

    /// Until the next download is due, at most the check interval (new recordings are queued by the ledger meanwhile).
    private func wait() async -> TimeInterval {
        let interval = self.settings.checkInterval
        guard let next = try? await self.store.nextRecordingDownloadDue() else { return interval }
        return min(interval, max(0.05, next.timeIntervalSince(self.effects.now())))
    }
}
