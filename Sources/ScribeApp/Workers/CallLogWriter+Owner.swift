import Foundation
import Logging
import ScribeCore

extension CallLogWriter {
    /// The CRM user a new record of `log` is assigned to: the one an admin mapped the extension to,
    /// else the CRM's active user with the email of the person who signs in with that extension. Only
    /// a create uses it, so the look-up is made for logs without a record only. A CRM whose users
    /// cannot be read leaves the owner to the CRM rather than holding the log back.
    func crmOwner(of log: CallLog, connector: any CRMConnector, now: Date) async throws -> String? {
        if let mapped = self.settings.crmOwner { return mapped }
        guard log.crmRecordID == nil, connector.capabilities.owners, let people = self.settingsBook.people,
            let email = try await people.user(extension: log.key.extensionID)?.email
        else { return nil }
        do {
            let users = try await self.connectors.owners.users(of: log.key.connectionID, connector: connector, now: now)
            return CRMUser.owner(withEmail: email, in: users)?.id
        } catch {
            self.logger.warning("CRM users could not be read; the record's owner is left to the CRM", metadata: ["log": "\(log.id)", "error": "\(error)"])
            return nil
        }
    }
}
