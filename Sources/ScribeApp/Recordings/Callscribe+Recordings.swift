import Foundation
import Logging
import ScribeCore
import ScribeTelephony

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

    /// The audio behind a recording link, streaming from RingCentral, if `signature` is the one
    /// Callscribe gave this recording. Anyone holding the link may play it: the signature is the
    /// permission, as the link lives in CRM records read by people without a Callscribe sign-in.
    public func recording(_ recordingID: String, signature: String?) async throws(RecordingError) -> RecordingContent {
        // RingCentral's ids are digits; anything else cannot be ours and never reaches its URL.
        guard (1...64).contains(recordingID.count), recordingID.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notFound }
        // Until start-up has reached RingCentral the account, and so the signature, cannot be checked.
        guard let account = self.accountID.current else { throw .busy(retryAfter: 5) }
        guard let signature, self.recordingSigner.isValid(signature, accountID: account.rawValue, recordingID: recordingID) else { throw .notFound }
        do {
            return try await self.ringCentral.recordingContent(id: recordingID)
        } catch {
            switch error.kind {
            case .rateLimited(let retryAfter):
                throw .busy(retryAfter: max(1, Int(retryAfter.rounded(.up))))
            case .permanent where error.status == 404:
                throw .notFound
            default:
                self.logger.warning("recording fetch failed", metadata: ["recording": "\(recordingID)", "error": "\(error)"])
                throw .unavailable
            }
        }
    }
}
