import Foundation
import ScribeCore

extension Callscribe {
    /// The open deals (opportunities) of the contact a call is, or will be, logged against, for the
    /// log form's deal picker: the matched contact, else the one a person chose. Empty while no
    /// contact is known. A log the requester may not see is "not found".
    public func relatedRecords(_ id: CallLogID, for requester: Requester, contact chosen: ContactID? = nil) async throws -> [RelatedRecord] {
        let log = try await self.requests.callLog(id, for: requester)
        if let chosen, chosen != log.contact?.id, !log.candidates.contains(where: { $0.id == chosen }) {
            // Only the contacts offered for this call: the endpoint is no way to browse the CRM.
            throw PeopleError.invalidField("contactId", "'\(chosen)' is not one of this call's contacts")
        }
        let requested: ContactID? = log.request?.contact.flatMap { if case .existing(let id) = $0 { id } else { nil } }
        // A logged call's contact is fixed; before that the form may ask about the contact being chosen.
        let contact = log.crmRecordID != nil ? log.contact?.id : (chosen ?? log.contact?.id ?? requested)
        guard let contact else { return [] }
        return try await self.connectors.connector(for: log.key.connectionID).relatedRecords(of: contact)
    }

    /// The custom fields of the CRM a call is logged to, for the log form (read from the CRM at most
    /// every few minutes). A log the requester may not see is "not found".
    public func customFields(_ id: CallLogID, for requester: Requester) async throws -> [CustomField] {
        let log = try await self.requests.callLog(id, for: requester)
        return try await self.customFields(of: log.key.connectionID)
    }

    /// The custom fields of `connection`. A running server uses its registered connector; the command
    /// line, which registers none, opens the stored connection.
    public func customFields(of connection: ConnectionID) async throws -> [CustomField] {
        let connector: any CRMConnector
        if let registered = try? self.connectors.connector(for: connection) {
            connector = registered
        } else if let stored = try await self.store.connections().first(where: { $0.id == connection }) {
            connector = try self.makeConnector(stored)
        } else {
            connector = try self.connectors.connector(for: connection)
        }
        return try await self.customFieldCatalogue.fields(of: connection) { () async throws(ConnectorError) in try await connector.customFields() }
    }
}
