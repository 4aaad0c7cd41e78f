import Foundation
import ScribeCore

extension Callscribe {
    /// The dispositions the log form offers for a call: the CRM's own list when its capabilities say
    /// it has dispositions (empty for a free-text field such as Salesforce's standard `CallDisposition`),
    /// nil when the CRM has none (the disposition then only goes into the record's body). A log the
    /// requester may not see is "not found".
    public func dispositions(_ id: CallLogID, for requester: Requester) async throws -> [CallDisposition]? {
        let log = try await self.requests.callLog(id, for: requester)
        let connector = try self.connectors.connector(for: log.key.connectionID)
        guard connector.capabilities.dispositions else { return nil }
        return try await connector.dispositions()
    }

    /// `chosen` as the CRM's list names it (its label), or an error naming `disposition` when the CRM
    /// has a list and `chosen` is not on it; as it is when the CRM takes free text or has no list.
    func checkedDisposition(_ chosen: String?, for log: CallLog) async throws -> String? {
        guard let chosen, !chosen.isEmpty, let connector = try? self.connectors.connector(for: log.key.connectionID),
            connector.capabilities.dispositions
        else { return chosen }
        let offered = try await connector.dispositions()
        guard !offered.isEmpty else { return chosen }
        guard let found = CallDisposition.named(chosen, in: offered) else {
            throw PeopleError.invalidField("disposition", "'\(chosen)' is not one of the CRM's dispositions: \(offered.map(\.label).joined(separator: ", "))")
        }
        return found.label
    }
}
