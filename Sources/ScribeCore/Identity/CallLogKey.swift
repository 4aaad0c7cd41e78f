import Foundation

/// What makes a call log unique: one per extension that took part in a call, per CRM connection.
///
/// The ledger holds a unique claim on this key before any CRM write, so two workers, two
/// deliveries or a restart can never produce a second record for the same call.
public struct CallLogKey: Hashable, Sendable, Codable {
    public var accountID: AccountID
    public var extensionID: ExtensionID
    public var sessionID: TelephonySessionID
    public var connectionID: ConnectionID

    public init(accountID: AccountID, extensionID: ExtensionID, sessionID: TelephonySessionID, connectionID: ConnectionID) {
        self.accountID = accountID
        self.extensionID = extensionID
        self.sessionID = sessionID
        self.connectionID = connectionID
    }
}
