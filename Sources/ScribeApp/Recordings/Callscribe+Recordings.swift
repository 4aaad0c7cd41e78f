import Foundation
import Logging
import ScribeCore
import ScribeTelephony
import ServiceLifecycle

extension Callscribe {
    /// The links written to CRM records for recordings.
    var recordingLinks: RecordingLinks {
        RecordingLinks(
            signer: self.recordingSigner, publicURL: self.configuration.publicURL, host: self.configuration.host,
            serverListening: self.serverListening, accountID: self.accountID
        )
    }

    /// The signed link to `recordingID` that CRM records carry; waits until the server listens and
    /// the account is known.
    public func recordingURL(for recordingID: String) async -> String {
        await self.recordingLinks.url(for: recordingID)
    }

    /// The audio behind a recording link, if `signature` is the one Callscribe gave this recording:
    /// from the local archive when it holds the recording, otherwise streaming from RingCentral.
    /// Anyone holding the link may play it: the signature is the permission, as the link lives in
    /// CRM records read by people without a Callscribe sign-in.
    ///
    /// `range` is the request's `Range` header: one range of bytes is answered with that part
    /// (``RecordingContent/range`` set); several ranges, or a header that does not parse, with the whole.
    public func recording(_ recordingID: String, signature: String?, range header: String? = nil) async throws(RecordingError) -> RecordingContent {
        // RingCentral's ids are digits; anything else cannot be ours and never reaches its URL.
        guard (1...64).contains(recordingID.count), recordingID.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notFound }
        // Until start-up has reached RingCentral the account, and so the signature, cannot be checked.
        guard let account = self.accountID.current else { throw .busy(retryAfter: 5) }
        guard let signature, self.recordingSigner.isValid(signature, accountID: account.rawValue, recordingID: recordingID) else { throw .notFound }
        let range = RangeRequest.parse(header)
        if let archived = try await self.archivedRecording(recordingID, range: range) { return archived }
        do {
            return try Self.fitted(try await self.ringCentral.recordingContent(id: recordingID, range: range), to: range)
        } catch let error as RecordingError {
            throw error
        } catch let error as TelephonyError where error.status == 416 {
            // RingCentral's 416 is passed on with the length, which only a whole answer tells.
            throw .rangeNotSatisfiable(completeLength: try? await self.ringCentral.recordingContent(id: recordingID).completeLength)
        } catch let error as TelephonyError {
            switch error.kind {
            case .rateLimited(let retryAfter):
                throw .busy(retryAfter: max(1, Int(retryAfter.rounded(.up))))
            case .permanent where error.status == 404:
                throw .notFound
            default:
                self.logger.warning("recording fetch failed", metadata: ["recording": "\(recordingID)", "error": "\(error)"])
                throw .unavailable
            }
        } catch {
            throw .unavailable
        }
    }

    /// The recording from the archive folder, if archiving is on and the file is there.
    private func archivedRecording(_ recordingID: String, range: RangeRequest) async throws(RecordingError) -> RecordingContent? {
        guard let folder = self.recordingFolder else { return nil }
        let archived: ArchivedRecording?
        do {
            archived = try await self.recordingArchive.archivedRecording(recordingID)
        } catch {
            self.logger.warning("recording archive look-up failed", metadata: ["recording": "\(recordingID)", "error": "\(error)"])
            return nil
        }
        guard let archived else { return nil }
        let part: ByteRange?
        switch range.resolve(length: archived.size) {
        case .whole: part = nil
        case .partial(let range): part = range
        case .unsatisfiable: throw .rangeNotSatisfiable(completeLength: archived.size)
        }
        guard let content = folder.content(of: archived, range: part) else {
            self.logger.warning("archived recording file is missing or changed; playing from RingCentral", metadata: ["recording": "\(recordingID)"])
            return nil
        }
        return content
    }

    /// RingCentral's answer to a ranged request as the request wants it: a 206 passes through; a
    /// whole answer of known length is cut to the range here.
    static func fitted(_ content: RecordingContent, to range: RangeRequest) throws(RecordingError) -> RecordingContent {
        guard content.range == nil, let length = content.contentLength else { return content }
        switch range.resolve(length: length) {
        case .whole:
            return content
        case .unsatisfiable:
            throw .rangeNotSatisfiable(completeLength: length)
        case .partial(let part):
            return RecordingContent(
                contentType: content.contentType, contentLength: part.count, range: part, completeLength: length,
                body: ByteSlice(base: content.body, skip: part.first, take: part.count)
            )
        }
    }
}

extension Callscribe {
    /// The recording archiver, when archiving is on.
    func recordingArchiverService() -> [ServiceGroupConfiguration.ServiceConfiguration] {
        guard let folder = self.recordingFolder else { return [] }
        return [
            .init(
                service: RecordingArchiver(
                    store: self.recordingArchive, client: self.ringCentral, folder: folder, ready: self.accountID,
                    settings: self.configuration.recordingArchive, effects: self.effects, logger: self.logger
                )
            )
        ]
    }
}
