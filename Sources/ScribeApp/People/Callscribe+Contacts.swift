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

    /// Contacts (and leads) named like `name` in each of the account's CRM connections that can
    /// search by name, for the log form's contact picker.
    public func findContacts(name: String, for user: User) async throws -> [Contact] {
        let query = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard query.count >= Contact.minimumNameQueryLength else {
            throw PeopleError.invalidField("name", "give at least \(Contact.minimumNameQueryLength) characters of the name to look for")
        }
        guard query.count <= 100 else {
            throw PeopleError.invalidField("name", "a name to look for is at most 100 characters")
        }
        var found: [Contact] = []
        for connection in try await self.store.connections(of: user.accountID) {
            let connector = try self.connectors.connector(for: connection.id)
            guard connector.capabilities.nameSearch else { continue }
            found += try await connector.findContacts(named: query)
        }
        return found
    }
}
