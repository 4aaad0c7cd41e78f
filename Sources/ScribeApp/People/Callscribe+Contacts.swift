import Foundation
import ScribeCore

extension Callscribe {
    /// The CRM contacts with `phone`, looked up in each of the account's connections (for the log
    /// form's contact picker).
    public func findContacts(phone: String, for user: User) async throws -> [Contact] {
        guard let number = PhoneNumber(parsing: phone, defaultCountryCode: self.configuration.defaultCountryCode) else {
            throw PeopleError.invalidField("phone", "'\(phone)' is not a phone number")
        }
        var found: [Contact] = []
        for connection in try await self.store.connections(of: user.accountID) {
            found += try await self.connectors.connector(for: connection.id).findContacts(matching: number)
        }
        return found
    }
}
