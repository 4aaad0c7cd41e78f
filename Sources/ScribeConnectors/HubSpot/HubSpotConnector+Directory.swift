import Foundation
import NIOHTTP1
import ScribeCore

extension HubSpotConnector {
    /// The portal's call outcomes (`GET /calling/v1/dispositions`): HubSpot's defaults and those the
    /// portal's admin added, in HubSpot's order. Read at most once per ``dispositionLifetime``.
    public func dispositions() async throws(ConnectorError) -> [CallDisposition] {
        try await self.dispositionCache.value { () async throws(ConnectorError) in
            let listed = try await self.send(.GET, "/calling/v1/dispositions", as: [HubSpotDisposition].self, operation: "hubspot.dispositions")
            return listed.filter { $0.deleted != true }.map { CallDisposition(id: $0.id, label: $0.label) }
        }
    }

    /// The portal's active owners (`GET /crm/v3/owners`, following `paging.next.after`).
    public func users() async throws(ConnectorError) -> [CRMUser] {
        var users: [CRMUser] = []
        var after: String?
        // HubSpot pages up to 500 owners; the bound keeps a misbehaving cursor from looping for ever.
        for _ in 0..<100 {
            let cursor = after.map { "&after=" + ConnectorHTTPClient.pathSegment($0) } ?? ""
            let page = try await self.send(.GET, "/crm/v3/owners?limit=500&archived=false" + cursor, as: HubSpotOwnerPage.self, operation: "hubspot.users")
            users += page.results.map(\.user).filter(\.active)
            guard let next = page.paging?.next?.after else { break }
            after = next
        }
        return users
    }

    /// The GUID `hs_call_disposition` takes for `entry`: the one a person chose (by id or label),
    /// else the portal's disposition for the call's result ("Connected", "No answer", "Left voicemail"),
    /// nil when the portal has none of that name or the call is still going.
    /// - Throws: ``ConnectorError/Kind/validation`` naming `hs_call_disposition` when the chosen one is not the portal's.
    func dispositionID(for entry: CallLogEntry, operation: String) async throws(ConnectorError) -> String? {
        let offered: [CallDisposition]
        do {
            offered = try await self.dispositions()
        } catch {
            // The write did not happen: its failure, for retries and the failure codes, with the cause said.
            var error = error
            error.operation = operation
            error.message = "reading the portal's dispositions: " + error.message
            throw error
        }
        if let chosen = entry.disposition {
            guard let found = CallDisposition.named(chosen, in: offered) else {
                throw ConnectorError(.validationFailed(field: "hs_call_disposition"), operation: operation, message: "'\(chosen)' is not one of the portal's call outcomes")
            }
            return found.id
        }
        guard !entry.inProgress else { return nil }
        return CallDisposition.named(CallDisposition.defaultLabel(for: entry.result), in: offered)?.id
    }
}
