import Foundation

/// A CRM an account logs its calls into.
///
/// The credential is held sealed: the store only ever sees ciphertext, and nothing prints it.
public struct CRMConnection: Sendable, Hashable, Codable {
    public var id: ConnectionID
    public var accountID: AccountID
    /// Which connector speaks to it, e.g. `hubspot`.
    public var kind: String
    public var baseURL: String
    /// The credential, encrypted at rest by the composition root's secret box.
    public var sealedCredential: [UInt8]

    public init(id: ConnectionID, accountID: AccountID, kind: String, baseURL: String, sealedCredential: [UInt8]) {
        self.id = id
        self.accountID = accountID
        self.kind = kind
        self.baseURL = baseURL
        self.sealedCredential = sealedCredential
    }
}
