import ScribeCore

/// Makes the links to recordings that go into CRM records: Callscribe's own signed
/// `/recordings/{id}?sig=…`, since RingCentral's content URL needs an access token nobody
/// clicking in the CRM has.
struct RecordingLinks: Sendable {
    let signer: RecordingLinkSigner
    /// `CALLSCRIBE_PUBLIC_URL`; nil means `http://host:port`, the port as the server bound it.
    let publicURL: String?
    let host: String
    let serverListening: OneShot<Int>
    let accountID: OneShot<AccountID>

    /// The public link to `recordingID`; waits until the server listens and the account is known.
    func url(for recordingID: String) async -> String {
        let account = await self.accountID.value
        let base = if let publicURL { publicURL } else { "http://\(self.host):\(await self.serverListening.value)" }
        return "\(base)/recordings/\(recordingID)?sig=\(self.signer.signature(accountID: account.rawValue, recordingID: recordingID))"
    }
}
