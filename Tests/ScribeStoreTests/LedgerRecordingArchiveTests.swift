import Foundation
import ScribeCore
import ScribeStore
import Testing

/// The queue of recordings to archive: filled as the ledger learns recordings, each downloaded once.
@Suite("SQLiteLedgerStore recording archive")
struct LedgerRecordingArchiveTests {
    typealias L = Ledger
    static let file = ArchivedRecording(fileName: "801.mp3", contentType: "audio/mpeg", size: 3_456)

    static func link(_ id: String) -> RecordingLink { RecordingLink(recordingID: id, url: "https://callscribe.example.com/recordings/\(id)?sig=x") }

    @Test("a saved recording is queued once; a claim leases it; archived, it is never claimed again", arguments: StoreKind.allCases)
    func queuedOnce(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveRecording(Self.link("801"), session: "s-1", now: L.at(10))
            // The writer saving the same link again (another log of the call) queues nothing more.
            try await store.saveRecording(Self.link("801"), session: "s-1", now: L.at(20))
            #expect(try await store.nextRecordingDownloadDue() == L.at(10))

            let claimed = try await store.claimRecordingDownloads(limit: 10, now: L.at(30), leaseUntil: L.at(90))
            #expect(claimed == [RecordingDownload(recordingID: "801", sessionID: "s-1", attempts: 0)])
            #expect(try await store.claimRecordingDownloads(limit: 10, now: L.at(40), leaseUntil: L.at(100)).isEmpty, "leased")
            #expect(try await store.archivedRecording("801") == nil)

            try await store.markRecordingArchived("801", file: Self.file, now: L.at(50))
            #expect(try await store.archivedRecording("801") == Self.file)
            #expect(try await store.claimRecordingDownloads(limit: 10, now: L.at(500), leaseUntil: L.at(600)).isEmpty)
            #expect(try await store.nextRecordingDownloadDue() == nil)
            try await store.saveRecording(Self.link("801"), session: "s-1", now: L.at(700))
            #expect(try await store.archivedRecording("801") == Self.file, "a later save leaves the archived copy alone")
            #expect(try await store.claimRecordingDownloads(limit: 10, now: L.at(800), leaseUntil: L.at(900)).isEmpty)
        }
    }

    @Test("a lapsed lease (a process that died mid-download) makes the download due again", arguments: StoreKind.allCases)
    func lapsedLease(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveRecording(Self.link("802"), session: "s-2", now: L.at(0))
            _ = try await store.claimRecordingDownloads(limit: 10, now: L.at(1), leaseUntil: L.at(61))
            #expect(try await store.nextRecordingDownloadDue() == L.at(61))
            #expect(try await store.claimRecordingDownloads(limit: 10, now: L.at(61), leaseUntil: L.at(121)).map(\.recordingID) == ["802"])
        }
    }

    @Test("a failure counts an attempt and is due again at its retry; with no retry left it is given up", arguments: StoreKind.allCases)
    func failures(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveRecording(Self.link("803"), session: "s-3", now: L.at(0))
            _ = try await store.claimRecordingDownloads(limit: 10, now: L.at(1), leaseUntil: L.at(61))
            try await store.markRecordingDownloadFailed("803", error: "HTTP 503", retryAt: L.at(5), now: L.at(2))
            #expect(try await store.claimRecordingDownloads(limit: 10, now: L.at(4), leaseUntil: L.at(64)).isEmpty, "not before its retry")
            #expect(try await store.nextRecordingDownloadDue() == L.at(5))
            let retried = try await store.claimRecordingDownloads(limit: 10, now: L.at(5), leaseUntil: L.at(65))
            #expect(retried == [RecordingDownload(recordingID: "803", sessionID: "s-3", attempts: 1)])

            try await store.markRecordingDownloadFailed("803", error: "HTTP 404", retryAt: nil, now: L.at(6))
            #expect(try await store.claimRecordingDownloads(limit: 10, now: L.at(10_000), leaseUntil: L.at(10_060)).isEmpty)
            #expect(try await store.nextRecordingDownloadDue() == nil)
            #expect(try await store.archivedRecording("803") == nil)
        }
    }

    @Test("survives reopening the ledger file: the queue and the archive record are on disk")
    func reopen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ledger.sqlite").path
            do {
                let store = try SQLiteLedgerStore(path: path)
                try await store.saveRecording(Self.link("804"), session: "s-4", now: L.at(0))
                try await store.saveRecording(Self.link("805"), session: "s-5", now: L.at(0))
                try await store.markRecordingArchived("805", file: Self.file, now: L.at(1))
            }
            let reopened = try SQLiteLedgerStore(path: path)
            #expect(try await reopened.archivedRecording("805") == Self.file)
            #expect(try await reopened.claimRecordingDownloads(limit: 10, now: L.at(2), leaseUntil: L.at(62)).map(\.recordingID) == ["804"])
        }
    }
}
