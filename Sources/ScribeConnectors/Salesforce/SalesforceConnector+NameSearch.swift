import Foundation
import ScribeCore

extension SalesforceConnector {
    /// One SOSL search of the name fields (``SalesforceQuery/nameSearch(_:limit:)``): contacts whose
    /// name has a word starting with each word of `name`, whatever the case, then the unconverted leads
    /// likewise, tagged ``ContactKind/lead``.
    public func findContacts(named name: String) async throws(ConnectorError) -> [Contact] {
        let sosl = SalesforceQuery.nameSearch(name, limit: Contact.nameSearchLimit)
        let found = try await self.get("search/", query: sosl, as: SalesforceSearchResponse.self, operation: "salesforce.findContactsByName")
        return found.people { record in "\(record.type ?? "Contact") \(record.id)" }
    }
}
