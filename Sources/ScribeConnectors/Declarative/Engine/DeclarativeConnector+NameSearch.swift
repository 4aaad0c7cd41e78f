import Foundation
import ScribeCore

extension DeclarativeConnector {
    /// Contacts (and leads) named like `name`, from the file's `find_contacts_by_name` searches; none
    /// when the file has none (``ConnectorCapabilities/nameSearch`` is false then).
    ///
    /// Every search runs once, in the file's order (phone formats play no part), with `{{name}}` the
    /// query as given; a person found by two searches (a first and a last name that both match) is
    /// listed once, as the first search found them, and a `kind: lead` search's people are leads.
    ///
    /// - Throws: ``ConnectorError`` `.validationFailed(field: "name")` for a query shorter than
    ///   ``Contact/minimumNameQueryLength`` characters, which CRMs refuse (Zoho) or answer with everyone.
    public func findContacts(named name: String) async throws(ConnectorError) -> [Contact] {
        guard !self.spec.nameSearches.isEmpty else { return [] }
        guard name.trimmingCharacters(in: .whitespacesAndNewlines).count >= Contact.minimumNameQueryLength else {
            throw ConnectorError(
                .validationFailed(field: "name"), operation: self.engine.label(OperationName.findContactsByName.rawValue),
                message: "give at least \(Contact.minimumNameQueryLength) characters of the name to look for"
            )
        }
        // A nameless record found by its name is odd, but its id still tells it apart.
        return try await self.collect(self.spec.nameSearches, in: .object(["name": .string(name)]), fallbackName: nil)
    }
}
