import Foundation
import ScribeCore

extension PipedriveConnector {
    /// `GET /api/v2/persons/search?term=…&fields=name`: persons whose name contains `name`, whatever
    /// the case, in Pipedrive's order (best `result_score` first). One request: what search returns
    /// (id, name, phones) is all a picker shows. Pipedrive refuses a term shorter than 2 characters
    /// (400, `.validationFailed` naming `term`).
    public func findContacts(named name: String) async throws(ConnectorError) -> [Contact] {
        let query = [("term", name), ("fields", "name"), ("limit", String(Contact.nameSearchLimit))]
        let found = try await self.get("/api/v2/persons/search", query: query, as: PipedrivePersonSearchResult.self, operation: "pipedrive.findContactsByName")
        var seen = Set<Int>()
        return found.data.items.map(\.item).filter { seen.insert($0.id).inserted }.map { hit in
            Contact(
                id: ContactID(String(hit.id)),
                name: PipedriveConnector.name(hit.name, fallback: "Person \(hit.id)"),
                phoneNumbers: (hit.phones ?? []).filter { !$0.isEmpty }
            )
        }
    }
}
