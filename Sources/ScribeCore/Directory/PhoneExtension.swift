import Foundation

/// A user (or queue) of the phone system.
public struct PhoneExtension: Sendable, Hashable, Codable {
    public var id: ExtensionID
    public var accountID: AccountID
    /// The short internal number, e.g. `101`.
    public var extensionNumber: String
    public var name: String

    public init(id: ExtensionID, accountID: AccountID, extensionNumber: String, name: String) {
        self.id = id
        self.accountID = accountID
        self.extensionNumber = extensionNumber
        self.name = name
    }
}
