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
}
