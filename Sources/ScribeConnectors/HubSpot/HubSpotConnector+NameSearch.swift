import Foundation
import NIOHTTP1
import ScribeCore

extension HubSpotConnector {
    /// HubSpot's own full-text search (`query` of `POST /crm/v3/objects/contacts/search`), which
    /// matches the start of words in a contact's names, emails, phone numbers and company, whatever
    /// their case. One request; the first ``Contact/nameSearchLimit`` contacts HubSpot ranks best.
    public func findContacts(named name: String) async throws(ConnectorError) -> [Contact] {
        let request = HubSpotSearchRequest(
            filterGroups: [],
            properties: HubSpotObject.contactProperties + ["email"],
            limit: Contact.nameSearchLimit,
            query: name
        )
        let found = try await self.send(
            .POST, "/crm/v3/objects/contacts/search", body: request, as: HubSpotSearchResponse.self, operation: "hubspot.findContactsByName"
        )
        var seen = Set<String>()
        return found.results.filter { seen.insert($0.id).inserted }.map { object in
            // A contact found by its email or company may have no name: show what identifies it.
            let fallback = object.property("email") ?? object.property("phone") ?? object.property("mobilephone") ?? "Contact \(object.id)"
            return object.contact(fallbackName: fallback)
        }
    }
}
